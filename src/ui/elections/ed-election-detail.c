/* ed-election-detail.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One election on the Elections page: what it is, its contests and combination, and its
 * timetable as a checklist. Each step's date is counted afresh from polling day whenever it
 * is shown, so a day the calendar skips moves them; ticking a step records today as the day
 * it was done, and who does it is saved as it is typed. The days the district skips are
 * listed under the timetable, each with a button to stop skipping it. */

#define G_LOG_DOMAIN "ed-ui-elections"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-date.h"
#include "core/ed-today.h"
#include "elections/ed-election-electorate.h"
#include "elections/ed-election-ical.h"
#include "elections/ed-election-notices.h"
#include "elections/ed-election.h"
#include "elections/ed-station-register-document.h"
#include "ui/ed-accessible.h"
#include "ui/ed-job-page.h"
#include "ui/ed-number-format.h"
#include "ui/elections/ed-election-detail.h"
#include "ui/elections/ed-poll-card-dialog.h"
#include "ui/widgets/ed-date-row.h"

/* A step of the checklist as shown. The widgets belong to the timetable list. */
typedef struct
{
  EdTimetableEvent  event;
  GDate             date;
  GDate             done_on;
  char             *saved_assignee;  /* as stored: what the entry is compared with */
  GtkWidget        *row;
  GtkWidget        *check;
  GtkWidget        *status;
  GtkWidget        *who;
} TaskRow;

struct _EdElectionDetail
{
  AdwBin                parent_instance;

  EdContext            *context;
  char                 *election_id;
  EdElection           *election;
  EdTimetable          *timetable;
  GPtrArray            *tasks;       /* EdTimetableTask */
  GPtrArray            *task_rows;   /* TaskRow, in the timetable's order */
  GtkFileChooserNative *chooser;
  gboolean              rebuilding;  /* rows are being replaced: their signals are not edits */

  GtkWidget            *scroller;
  GtkWidget            *title_label;
  GtkWidget            *summary_label;
  GtkWidget            *contests_row;
  GtkWidget            *uncontested_row;
  GtkWidget            *combined_row;
  GtkWidget            *timetable_group;
  GtkWidget            *timetable_list;
  GtkWidget            *skip_day_button;
  GtkWidget            *skipped_group;
  GtkWidget            *skipped_list;
  GtkWidget            *electorate_group;
  GtkWidget            *electorate_spinner;
  GtkWidget            *electorate_status;
  GtkWidget            *electorate_list;
  GtkWidget            *notices_list;
  GtkWidget            *notices_error;
  GtkWidget            *registers_button;
  GtkWidget            *cards_requested_row;
  GtkWidget            *cards_requested_switch;
  GtkWidget            *poll_cards_count;
  GtkWidget            *poll_cards_button;

  GCancellable         *electorate_cancellable;  /* the count under way, if any */
  guint                 publishing;              /* the notice a folder is chosen for, 1 to 3 */
  gboolean              registers_early;         /* confirmed before the final notice */
  GtkWindow            *registers_progress;
  gint64                cards;                   /* the cards last counted, or -1 */
};

G_DEFINE_FINAL_TYPE (EdElectionDetail, ed_election_detail, ADW_TYPE_BIN)

static void show_polling        (EdElectionDetail *self);
static void show_skipped_days   (EdElectionDetail *self);
static void show_poll_cards     (EdElectionDetail *self);

static void
task_row_free (TaskRow *task_row)
{
  g_free (task_row->saved_assignee);
  g_free (task_row);
}

static void
toast (EdElectionDetail *self,
       const char       *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static EdTimetableTask *
find_task (EdElectionDetail *self,
           EdTimetableEvent  event)
{
  for (guint i = 0; self->tasks != NULL && i < self->tasks->len; i++)
    {
      EdTimetableTask *task = g_ptr_array_index (self->tasks, i);

      if (task->event == event)
        return task;
    }
  return NULL;
}

/* "Thursday 25 March 2027, 16:00 · 29 working days before the poll", and when it was done. */
static char *
entry_subtitle (const EdTimetableEntry *entry,
                const GDate            *done_on)
{
  g_autofree char *day = ed_date_format_long (&entry->date);
  g_autofree char *when = NULL;
  GString *text = g_string_new (NULL);

  if (entry->time != NULL)
    /* Translators: a date, then the hour on it: "Thursday 25 March 2027, 16:00" */
    when = g_strdup_printf (_("%s, %s"), day, entry->time);
  else
    when = g_strdup (day);
  if (entry->not_later_than)
    /* Translators: %s is the last day (and hour) a step may be done */
    g_string_append_printf (text, _("By %s"), when);
  else
    g_string_append (text, when);
  if (entry->working_days >= 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%d working day before the poll",
                                                 "%d working days before the poll",
                                                 entry->working_days),
                              entry->working_days);
    }
  if (g_date_valid (done_on))
    {
      g_autofree char *done = ed_date_format_long (done_on);

      g_string_append_c (text, '\n');
      /* Translators: %s is the day a step of the timetable was done */
      g_string_append_printf (text, _("Done on %s"), done);
    }
  return g_string_free (text, FALSE);
}

/* Overdue: its day has passed and it is not done. */
static void
update_task_row (EdElectionDetail *self,
                 TaskRow          *task_row)
{
  const EdTimetableEntry *entry = ed_timetable_lookup (self->timetable, task_row->event);
  g_autofree char *subtitle = NULL;
  GDate today;

  if (entry == NULL)
    return;
  ed_today (&today);
  subtitle = entry_subtitle (entry, &task_row->done_on);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (task_row->row), subtitle);
  gtk_widget_remove_css_class (task_row->status, "warning");
  gtk_widget_remove_css_class (task_row->status, "success");
  if (g_date_valid (&task_row->done_on))
    {
      gtk_label_set_text (GTK_LABEL (task_row->status), _("Done"));
      gtk_widget_add_css_class (task_row->status, "success");
      gtk_widget_set_visible (task_row->status, TRUE);
    }
  else if (g_date_compare (&entry->date, &today) < 0)
    {
      gtk_label_set_text (GTK_LABEL (task_row->status), _("Overdue"));
      gtk_widget_add_css_class (task_row->status, "warning");
      gtk_widget_set_visible (task_row->status, TRUE);
    }
  else if (g_date_compare (&entry->date, &today) == 0)
    {
      gtk_label_set_text (GTK_LABEL (task_row->status), _("Due today"));
      gtk_widget_add_css_class (task_row->status, "warning");
      gtk_widget_set_visible (task_row->status, TRUE);
    }
  else
    gtk_widget_set_visible (task_row->status, FALSE);
}

static void
done_toggled_cb (GtkCheckButton *check,
                 TaskRow        *task_row)
{
  EdElectionDetail *self = g_object_get_data (G_OBJECT (check), "detail");
  g_autoptr(GError) error = NULL;
  GDate done_on;

  if (self->rebuilding || self->election == NULL)
    return;
  g_date_clear (&done_on, 1);
  if (gtk_check_button_get_active (check))
    ed_today (&done_on);
  if (!ed_election_set_task (self->context, self->election, task_row->event, NULL, &done_on,
                             NULL, &error))
    {
      self->rebuilding = TRUE;
      gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
      self->rebuilding = FALSE;
      toast (self, error->message);
      return;
    }
  task_row->done_on = done_on;
  update_task_row (self, task_row);
}

static void
save_assignee (EdElectionDetail *self,
               TaskRow          *task_row)
{
  g_autofree char *typed = NULL;
  g_autoptr(GError) error = NULL;

  if (self->rebuilding || self->election == NULL)
    return;
  typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (task_row->who))));
  if (g_strcmp0 (typed, task_row->saved_assignee) == 0)
    return;
  if (!ed_election_set_task (self->context, self->election, task_row->event, typed, NULL, NULL,
                             &error))
    {
      toast (self, error->message);
      return;
    }
  g_free (task_row->saved_assignee);
  task_row->saved_assignee = g_steal_pointer (&typed);
}

static void
who_activate_cb (GtkEntry *entry,
                 TaskRow  *task_row)
{
  save_assignee (g_object_get_data (G_OBJECT (entry), "detail"), task_row);
}

static void
who_leave_cb (GtkEventControllerFocus *controller,
              TaskRow                 *task_row)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  save_assignee (g_object_get_data (G_OBJECT (entry), "detail"), task_row);
}

static TaskRow *
add_task_row (EdElectionDetail       *self,
              const EdTimetableEntry *entry)
{
  EdTimetableTask *task = find_task (self, entry->event);
  TaskRow *task_row = g_new0 (TaskRow, 1);
  const char *name = ed_timetable_event_get_display_name (entry->event);
  g_autofree char *who_name = NULL;
  GtkEventController *focus;

  task_row->event = entry->event;
  task_row->date = entry->date;
  g_date_clear (&task_row->done_on, 1);
  if (task != NULL && g_date_valid (&task->done_on))
    task_row->done_on = task->done_on;
  task_row->saved_assignee = g_strdup (task != NULL ? task->assignee : "");

  task_row->row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (task_row->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (task_row->row), name);

  /* The row names its box, as the row's activatable widget: "Notice of election, tick
   * box, ticked". */
  task_row->check = gtk_check_button_new ();
  gtk_widget_set_valign (task_row->check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (task_row->check),
                               g_date_valid (&task_row->done_on));
  g_object_set_data (G_OBJECT (task_row->check), "detail", self);
  g_signal_connect (task_row->check, "toggled", G_CALLBACK (done_toggled_cb), task_row);
  adw_action_row_add_prefix (ADW_ACTION_ROW (task_row->row), task_row->check);

  task_row->status = gtk_label_new (NULL);
  gtk_widget_set_valign (task_row->status, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (task_row->row), task_row->status);

  task_row->who = gtk_entry_new ();
  gtk_widget_set_valign (task_row->who, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (task_row->who), 12);
  gtk_entry_set_placeholder_text (GTK_ENTRY (task_row->who), _("Who"));
  gtk_editable_set_text (GTK_EDITABLE (task_row->who), task_row->saved_assignee);
  /* Translators: %s is a step of an election timetable; the name of the field saying who
   * does it */
  who_name = g_strdup_printf (_("Who does %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (task_row->who),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, who_name, -1);
  g_object_set_data (G_OBJECT (task_row->who), "detail", self);
  g_signal_connect (task_row->who, "activate", G_CALLBACK (who_activate_cb), task_row);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (who_leave_cb), task_row);
  gtk_widget_add_controller (task_row->who, focus);
  adw_action_row_add_suffix (ADW_ACTION_ROW (task_row->row), task_row->who);

  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (task_row->row), task_row->check);
  g_ptr_array_add (self->task_rows, task_row);
  gtk_list_box_append (GTK_LIST_BOX (self->timetable_list), task_row->row);
  update_task_row (self, task_row);
  return task_row;
}

static void
show_summary (EdElectionDetail *self)
{
  g_autofree char *day = ed_date_format_long (&self->election->poll);
  g_autofree char *summary = NULL;
  g_autofree char *contested = NULL;
  g_autoptr(GString) uncontested = g_string_new (NULL);
  g_autoptr(GString) combined = g_string_new (NULL);
  g_autoptr(GPtrArray) combination = NULL;
  g_autoptr(GError) error = NULL;

  gtk_label_set_text (GTK_LABEL (self->title_label), self->election->title);
  /* Translators: a kind of election, its country and its polling day, then on a line of
   * its own its id: "Local election · England · Thursday 6 May 2027\nlocal.ashmere-vale…" */
  summary = g_strdup_printf (_("%s · %s · %s\n%s"),
                             ed_election_kind_get_display_name (self->election->kind),
                             ed_country_get_display_name (self->election->country),
                             day, self->election->slug);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);

  contested = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u contest holds a poll",
                                            "%u of %u contests hold a poll",
                                            self->election->contests->len),
                               ed_election_count_contested (self->election),
                               self->election->contests->len);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->contests_row), contested);
  for (guint i = 0; i < self->election->contests->len; i++)
    {
      EdContest *contest = g_ptr_array_index (self->election->contests, i);

      if (contest->contested)
        continue;
      if (uncontested->len > 0)
        g_string_append (uncontested, ", ");
      g_string_append (uncontested, contest->name);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->uncontested_row), uncontested->str);
  gtk_widget_set_visible (self->uncontested_row, uncontested->len > 0);

  combination = ed_election_load_combination (self->context, self->election, &error);
  if (combination == NULL)
    g_warning ("The polls combined with %s cannot be read: %s", self->election->slug,
               error->message);
  for (guint i = 0; combination != NULL && i < combination->len; i++)
    {
      EdElection *poll = g_ptr_array_index (combination, i);

      if (g_str_equal (poll->id, self->election->id))
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

/* What the person is doing in the checklist, to put back once it is built afresh: text typed
 * and not yet saved, the field or box they are in, and how far down they have scrolled. */
typedef struct
{
  char             *typed[ED_N_TIMETABLE_EVENTS];
  EdTimetableEvent  focus_event;
  gboolean          focus_on_who;
  gboolean          has_focus;
  double            scroll;
} Kept;

static void
keep_state (EdElectionDetail *self,
            Kept             *kept)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  memset (kept, 0, sizeof *kept);
  kept->scroll = gtk_adjustment_get_value (
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)));
  for (guint i = 0; i < self->task_rows->len; i++)
    {
      TaskRow *task_row = g_ptr_array_index (self->task_rows, i);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (task_row->who));

      if (g_strcmp0 (text, task_row->saved_assignee) != 0)
        kept->typed[task_row->event] = g_strdup (text);
      if (focus != NULL && (focus == task_row->who || gtk_widget_is_ancestor (focus, task_row->who)))
        {
          kept->has_focus = TRUE;
          kept->focus_on_who = TRUE;
          kept->focus_event = task_row->event;
        }
      else if (focus != NULL && focus == task_row->check)
        {
          kept->has_focus = TRUE;
          kept->focus_event = task_row->event;
        }
    }
}

static void
restore_state (EdElectionDetail *self,
               Kept             *kept)
{
  for (guint i = 0; i < self->task_rows->len; i++)
    {
      TaskRow *task_row = g_ptr_array_index (self->task_rows, i);

      if (kept->typed[task_row->event] != NULL)
        gtk_editable_set_text (GTK_EDITABLE (task_row->who), kept->typed[task_row->event]);
      if (kept->has_focus && kept->focus_event == task_row->event)
        gtk_widget_grab_focus (kept->focus_on_who ? task_row->who : task_row->check);
    }
  gtk_adjustment_set_value (
    gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), kept->scroll);
  for (guint i = 0; i < ED_N_TIMETABLE_EVENTS; i++)
    g_free (kept->typed[i]);
}

static void
clear_rows (EdElectionDetail *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->timetable_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->timetable_list), child);
  g_ptr_array_set_size (self->task_rows, 0);
}

/* Reads the election afresh and shows it; @kept, if given, is put back. */
static void
show_election (EdElectionDetail *self,
               Kept             *kept)
{
  g_autoptr(GError) error = NULL;

  self->rebuilding = TRUE;
  clear_rows (self);
  g_clear_pointer (&self->election, ed_election_free);
  g_clear_pointer (&self->timetable, ed_timetable_free);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);

  if (self->context != NULL && self->election_id != NULL)
    self->election = ed_election_load (self->context, self->election_id, &error);
  if (self->election == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("The election cannot be read: %s", error->message);
      gtk_label_set_text (GTK_LABEL (self->title_label), "");
      gtk_label_set_text (GTK_LABEL (self->summary_label), "");
      show_skipped_days (self);
      self->rebuilding = FALSE;
      return;
    }
  show_summary (self);
  show_skipped_days (self);
  self->timetable = ed_election_get_timetable (self->context, self->election, &error);
  if (self->timetable != NULL)
    self->tasks = ed_election_get_tasks (self->context, self->election, &error);
  if (self->timetable == NULL || self->tasks == NULL)
    {
      g_warning ("The timetable of %s cannot be read: %s", self->election->slug,
                 error->message);
      self->rebuilding = FALSE;
      return;
    }
  for (guint i = 0; i < self->timetable->entries->len; i++)
    add_task_row (self, &g_array_index (self->timetable->entries, EdTimetableEntry, i));
  if (kept != NULL)
    restore_state (self, kept);
  self->rebuilding = FALSE;
  show_polling (self);
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
      self->cards = -1;
      show_election (self, NULL);
      gtk_adjustment_set_value (
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0.0);
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
  Kept kept;

  g_return_if_fail (ED_IS_ELECTION_DETAIL (self));

  keep_state (self, &kept);
  show_election (self, &kept);
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
  g_autofree char *path = NULL;

  g_return_val_if_fail (ED_IS_ELECTION_DETAIL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->election == NULL || self->timetable == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No election is shown."));
      return FALSE;
    }
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The calendar can only be saved to a local file."));
      return FALSE;
    }
  return ed_timetable_write_ical (self->election, self->timetable, self->tasks, path, error);
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     EdElectionDetail *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (ed_election_detail_save_calendar (self, file, &error))
        toast (self, _("Calendar saved"));
      else
        {
          g_autofree char *why = g_strdup_printf (_("The calendar could not be saved: %s"),
                                                  error->message);

          toast (self, why);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
save_calendar_clicked_cb (EdElectionDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->election == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save Timetable as Calendar"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  name = g_strdup_printf ("%s.ics", self->election->slug);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _("Calendars"));
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
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

  if (self->context == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No district is open."));
      return FALSE;
    }
  if (!ed_extra_dies_non_add (self->context, day, reason, error))
    return FALSE;
  ed_election_detail_reload (self);
  return TRUE;
}

typedef struct
{
  EdElectionDetail *self;
  GtkWidget        *day_row;
  GtkWidget        *reason_row;
} SkipDay;

static void
skip_day_free (SkipDay *skip)
{
  g_object_unref (skip->self);
  g_free (skip);
}

static void
skip_day_changed_cb (GtkEditable      *editable,
                     AdwMessageDialog *dialog)
{
  SkipDay *skip = g_object_get_data (G_OBJECT (dialog), "skip-day");
  g_autofree char *reason =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (skip->reason_row))));
  gboolean has_day = ed_date_row_get_date (ED_DATE_ROW (skip->day_row), NULL, NULL);

  adw_message_dialog_set_response_enabled (dialog, "skip", has_day && *reason != '\0');
}

static void
skip_day_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SkipDay          *skip)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *done = NULL;
  GDate day;

  if (!g_str_equal (response, "skip") ||
      !ed_date_row_get_date (ED_DATE_ROW (skip->day_row), &day, NULL))
    return;
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (skip->reason_row))));
  if (!ed_election_detail_add_dies_non (skip->self, &day, reason, &error))
    {
      toast (skip->self, error->message);
      return;
    }
  day_text = ed_date_format_long (&day);
  /* Translators: %s is a day of thanksgiving or mourning */
  done = g_strdup_printf (_("Timetables now skip %s"), day_text);
  toast (skip->self, done);
}

static void
skip_day_clicked_cb (EdElectionDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  SkipDay *skip = g_new0 (SkipDay, 1);

  if (self->context == NULL)
    {
      g_free (skip);
      return;
    }
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Skip a Day"),
                                   _("A day of thanksgiving or mourning proclaimed at short "
                                     "notice is not a working day: every election’s "
                                     "timetable counts past it."));
  skip->self = g_object_ref (self);
  skip->day_row = ed_date_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (skip->day_row), _("Day"));
  skip->reason_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (skip->reason_row), _("Reason"));
  gtk_editable_set_text (GTK_EDITABLE (skip->reason_row), _("National day of mourning"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (skip->day_row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (skip->reason_row), TRUE);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), skip->day_row);
  gtk_list_box_append (GTK_LIST_BOX (list), skip->reason_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "skip", _("_Skip Day"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "skip",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "skip", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "skip");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "skip-day", skip, (GDestroyNotify)skip_day_free);
  g_signal_connect_object (skip->day_row, "changed", G_CALLBACK (skip_day_changed_cb), dialog,
                           0);
  g_signal_connect_object (skip->reason_row, "changed", G_CALLBACK (skip_day_changed_cb),
                           dialog, 0);
  g_signal_connect (dialog, "response", G_CALLBACK (skip_day_response_cb), skip);
  ed_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The days skipped -------------------------------------------------------------------------- */

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

  if (self->context == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No district is open."));
      return FALSE;
    }
  if (!ed_extra_dies_non_remove (self->context, day, error))
    return FALSE;
  ed_election_detail_reload (self);
  return TRUE;
}

typedef struct
{
  EdElectionDetail *self;
  GDate             day;
  char             *reason;
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

static void
undo_remove_cb (AdwToast    *removed,
                SkippedUndo *undo)
{
  g_autoptr(GError) error = NULL;

  if (!ed_election_detail_add_dies_non (undo->self, &undo->day, undo->reason, &error))
    toast (undo->self, error->message);
}

/* The button pressed is gone with its row: the focus goes to the day that took its place, the
 * one before it if it was the last, or to Skip a Day… when none is left. */
static void
focus_skipped_day (EdElectionDetail *self,
                   gint              index)
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
  gtk_widget_grab_focus (self->skip_day_button);
}

static void
remove_skipped_clicked_cb (GtkButton        *button,
                           EdElectionDetail *self)
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
  if (!ed_election_detail_remove_dies_non (self, &undo->day, &error))
    {
      skipped_undo_free (undo, NULL);
      toast (self, error->message);
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
show_skipped_days (EdElectionDetail *self)
{
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->skipped_list);
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
  gtk_widget_set_visible (self->skipped_group, days != NULL && days->len > 0);
}

/* The electorate ----------------------------------------------------------------------------- */

static char *
format_count (gint64 n)
{
  return ed_number_format_count ((guint)CLAMP (n, 0, (gint64)G_MAXUINT));
}

/* "1,234 electors · In Person: 1,100 · Postal: 100 · Proxy: 30 · Postal Proxy: 4" */
static char *
describe_count (const EdElectorateCount *count)
{
  g_autofree char *total = format_count (count->electors);
  GString *text = g_string_new (NULL);

  /* Translators: %s is a count with its thousands grouped, "1,234" */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s elector", "%s electors",
                                             (gulong)count->electors), total);
  for (guint way = 0; way < ED_N_POLL_CARD_VARIANTS; way++)
    {
      g_autofree char *n = format_count (count->by_way[way]);

      g_string_append (text, " · ");
      /* Translators: a way of voting and its electors: "Postal: 100" */
      g_string_append_printf (text, _("%s: %s"), ed_electorate_way_get_display_name (way), n);
    }
  return g_string_free (text, FALSE);
}

static gint
find_poll (EdElectionElectorate *electorate,
           const char           *election_id)
{
  for (guint i = 0; i < electorate->n_polls; i++)
    if (g_strcmp0 (electorate->polls[i].election->id, election_id) == 0)
      return (gint)i;
  return -1;
}

static void
show_electorate_status (EdElectionDetail *self,
                        const char       *text)
{
  gtk_label_set_text (GTK_LABEL (self->electorate_status), text);
  gtk_widget_set_visible (self->electorate_status, text != NULL);
}

/* Each station's electors of one contest, and those whose address has no station. */
static void
add_station_rows (EdElectionDetail     *self,
                  EdElectionElectorate *electorate,
                  guint                 poll,
                  guint                 contest,
                  AdwExpanderRow       *expander)
{
  GPtrArray *stations = electorate->roll->stations;

  for (gint i = 0; i <= (gint)stations->len; i++)
    {
      gint station = i < (gint)stations->len ? i : -1;
      const EdElectorateCount *count =
        ed_election_electorate_get_station (electorate, poll, contest, station);
      g_autofree char *electors = NULL;
      g_autofree char *postal = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (count->electors == 0)
        continue;
      electors = format_count (count->electors);
      postal = format_count (count->by_way[ED_POLL_CARD_POSTAL] +
                             count->by_way[ED_POLL_CARD_PROXY_POSTAL]);
      /* Translators: "312 electors, of which 40 vote by post"; the first %s is a count */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s elector, of which %s vote by post",
                                               "%s electors, of which %s vote by post",
                                               (gulong)count->electors),
                                  electors, postal);
      if (station >= 0)
        {
          const EdRollStation *s = g_ptr_array_index (stations, station);

          /* Translators: a polling station's code and its place: "AV1 · Ashmere School" */
          title = g_strdup_printf (_("%s · %s"), s->code, s->place_name);
        }
      else
        title = g_strdup (_("No polling station"));
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (station < 0)
        gtk_widget_add_css_class (row, "warning");
      adw_expander_row_add_row (expander, row);
    }
}

static void
show_electorate (EdElectionDetail     *self,
                 EdElectionElectorate *electorate)
{
  gint poll = find_poll (electorate, self->election->id);
  EdPollElectorate *poll_electorate;
  gboolean fixed = g_date_valid (&self->election->electorate_fixed_on);
  g_autofree char *fixed_day = fixed ? ed_date_format_long (&self->election->electorate_fixed_on)
                                     : NULL;
  guint n_rows = 0;

  clear_list (self->electorate_list);
  if (poll < 0)
    {
      show_electorate_status (self, _("The poll is not in the combination counted."));
      return;
    }
  poll_electorate = &electorate->polls[poll];
  for (guint i = 0; i < poll_electorate->election->contests->len; i++)
    {
      const EdContest *contest = g_ptr_array_index (poll_electorate->election->contests, i);
      const EdContest *shown = i < self->election->contests->len
                                 ? g_ptr_array_index (self->election->contests, i) : NULL;
      g_autofree char *live = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (!contest->contested)
        continue;
      live = describe_count (&poll_electorate->contests[i].total);
      if (fixed && shown != NULL)
        {
          g_autofree char *count = format_count (shown->fixed_electorate);

          /* Translators: the live figures, then the electorate the final notice fixed:
           * "1,234 electors · …\nFixed on Thursday 15 April 2027 at 1,230" */
          subtitle = g_strdup_printf (_("%s\nFixed on %s at %s"), live, fixed_day, count);
        }
      else
        subtitle = g_steal_pointer (&live);
      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), contest->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      add_station_rows (self, electorate, (guint)poll, i, ADW_EXPANDER_ROW (row));
      gtk_list_box_append (GTK_LIST_BOX (self->electorate_list), row);
      n_rows++;
    }
  if (n_rows > 1)
    {
      g_autofree char *total = describe_count (&poll_electorate->total);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Whole poll"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), total);
      gtk_list_box_prepend (GTK_LIST_BOX (self->electorate_list), row);
    }
  gtk_widget_set_visible (self->electorate_list, n_rows > 0);
  show_electorate_status (self, n_rows > 0 ? NULL
                                           : _("No contest is contested: no poll is held."));
}

static void
electorate_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(EdElectionDetail) self = data;
  g_autoptr(EdElectionElectorate) electorate = NULL;
  g_autoptr(GError) error = NULL;

  electorate = ed_election_electorate_compute_finish (ED_JOB (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Only the latest count is shown: an earlier one was cancelled when it started, as the
   * count under way is when the page goes. */
  g_clear_object (&self->electorate_cancellable);
  gtk_spinner_stop (GTK_SPINNER (self->electorate_spinner));
  gtk_widget_set_visible (self->electorate_spinner, FALSE);
  if (self->election == NULL)
    return;
  if (electorate == NULL)
    {
      g_autofree char *why = g_strdup_printf (_("The electorate could not be counted: %s"),
                                              error->message);

      clear_list (self->electorate_list);
      gtk_widget_set_visible (self->electorate_list, FALSE);
      show_electorate_status (self, why);
      self->cards = -1;
      show_poll_cards (self);
      return;
    }
  show_electorate (self, electorate);
  self->cards = electorate->cards;
  show_poll_cards (self);
}

static void
count_electorate (EdElectionDetail *self)
{
  if (self->electorate_cancellable != NULL)
    g_cancellable_cancel (self->electorate_cancellable);
  g_clear_object (&self->electorate_cancellable);
  if (self->election == NULL)
    {
      gtk_spinner_stop (GTK_SPINNER (self->electorate_spinner));
      gtk_widget_set_visible (self->electorate_spinner, FALSE);
      return;
    }
  self->electorate_cancellable = g_cancellable_new ();
  gtk_widget_set_visible (self->electorate_spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->electorate_spinner));
  /* The rows shown stay until the new count replaces them, so a reload does not flicker. */
  if (gtk_widget_get_first_child (self->electorate_list) == NULL)
    show_electorate_status (self, _("Counting…"));
  ed_election_electorate_compute_async (self->context, self->election->id,
                                        self->electorate_cancellable, electorate_done_cb,
                                        g_object_ref (self));
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

  return self->electorate_cancellable != NULL;
}

/* The interim notices ------------------------------------------------------------------------ */

static const char *
notice_title (guint n)
{
  switch (n)
    {
    case 1:
      return _("First interim notice");
    case 2:
      return _("Second interim notice");
    default:
      return _("Final interim notice");
    }
}

/* The Publish… button's name for a screen reader, which hears it apart from its row. */
static const char *
notice_publish_name (guint n)
{
  switch (n)
    {
    case 1:
      return _("Publish the First Interim Notice…");
    case 2:
      return _("Publish the Second Interim Notice…");
    default:
      return _("Publish the Final Interim Notice…");
    }
}

static void
show_notices_error (EdElectionDetail *self,
                    const char       *text)
{
  gtk_label_set_text (GTK_LABEL (self->notices_error), text != NULL ? text : "");
  gtk_widget_set_visible (self->notices_error, text != NULL);
}

static void publish_clicked_cb (GtkButton        *button,
                                EdElectionDetail *self);

static void
show_notices (EdElectionDetail *self)
{
  EdInterimNotice notices[ED_N_INTERIM_NOTICES];
  g_autoptr(GError) error = NULL;
  gboolean due_found = FALSE;
  GDate today;

  clear_list (self->notices_list);
  if (self->election == NULL)
    return;
  if (!ed_election_get_interim_notices (self->context, self->election, notices, &error))
    {
      gtk_widget_set_visible (self->notices_list, FALSE);
      show_notices_error (self, error->message);
      return;
    }
  gtk_widget_set_visible (self->notices_list, TRUE);
  ed_today (&today);
  for (guint i = 0; i < ED_N_INTERIM_NOTICES; i++)
    {
      const EdInterimNotice *notice = &notices[i];
      g_autofree char *published = ed_date_format_long (&notice->dates.publication);
      g_autofree char *last = ed_date_format_long (&notice->dates.last_application);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *state = gtk_label_new (NULL);

      if (notice->published)
        /* Translators: an interim notice's day, then the last day of the applications it
         * lists */
        subtitle = g_strdup_printf (_("Published on %s · applications received by %s"),
                                    published, last);
      else
        /* Translators: an interim notice's day, then the last day of the applications it
         * lists */
        subtitle = g_strdup_printf (_("To be published on %s · applications received by %s"),
                                    published, last);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), notice_title (i + 1));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
      if (notice->published)
        {
          gtk_label_set_text (GTK_LABEL (state), _("Published"));
          gtk_widget_add_css_class (state, "success");
        }
      else if (!due_found)
        {
          gboolean come = g_date_compare (&notice->dates.publication, &today) <= 0;
          GtkWidget *button;

          /* The first not yet published is the one due; the rest wait for it. */
          due_found = TRUE;
          gtk_label_set_text (GTK_LABEL (state), come ? _("Due") : _("Next"));
          if (come)
            gtk_widget_add_css_class (state, "warning");
          button = gtk_button_new_with_label (_("Publish…"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_sensitive (button, come);
          if (!come)
            gtk_widget_set_tooltip_text (button, _("It cannot be published before its day"));
          g_object_set_data (G_OBJECT (button), "notice", GUINT_TO_POINTER (i + 1));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          notice_publish_name (i + 1), -1);
          g_signal_connect (button, "clicked", G_CALLBACK (publish_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      else
        gtk_label_set_text (GTK_LABEL (state), _("Waiting"));
      gtk_widget_add_css_class (state, "caption");
      gtk_list_box_append (GTK_LIST_BOX (self->notices_list), row);
    }
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
  g_auto(EdInterimPublished) published = { 0, };

  g_return_val_if_fail (ED_IS_ELECTION_DETAIL (self), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (self->election == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No election is shown."));
      return FALSE;
    }
  if (!ed_election_publish_interim (self->context, self->election, n, ED_NOTICE_FLAGS_NONE,
                                    folder, &published, error))
    return FALSE;
  ed_election_detail_reload (self);
  return TRUE;
}

static void
publish_folder_cb (GtkNativeDialog  *chooser,
                   int               response,
                   EdElectionDetail *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  guint n = self->publishing;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  self->publishing = 0;
  if (file == NULL || (folder = g_file_get_path (file)) == NULL)
    return;
  if (!ed_election_detail_publish_notice (self, n, folder, &error))
    {
      show_notices_error (self, error->message);
      return;
    }
  show_notices_error (self, NULL);
  {
    /* Translators: %s is a notice's name, "First interim notice" */
    g_autofree char *done = g_strdup_printf (_("%s published"), notice_title (n));

    toast (self, done);
  }
}

static GtkFileChooserNative *
folder_chooser_new (EdElectionDetail *self,
                    const char       *title,
                    const char       *accept)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, accept,
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

static void
publish_clicked_cb (GtkButton        *button,
                    EdElectionDetail *self)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "notice"));

  if (self->election == NULL || self->chooser != NULL)
    return;
  show_notices_error (self, NULL);
  self->publishing = n;
  self->chooser = folder_chooser_new (self, _("Publish the Notice in a Folder"), _("_Publish"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (publish_folder_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The polling-station registers -------------------------------------------------------------- */

static void
registers_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(EdElectionDetail) self = data;
  g_autoptr(EdStationRegisters) registers = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->registers_progress, gtk_window_destroy);
  gtk_widget_set_sensitive (self->registers_button, TRUE);
  registers = ed_station_registers_write_finish (ED_JOB (source), result, &error);
  if (registers == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *why =
            g_strdup_printf (_("The registers could not be saved: %s"), error->message);

          toast (self, why);
        }
      return;
    }
  {
    g_autofree char *count = ed_number_format_count (registers->files->len);
    /* Translators: %s is a count of polling stations */
    g_autofree char *done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Saved the register of %s station",
                                                          "Saved the registers of %s stations",
                                                          registers->files->len),
                                             count);

    toast (self, done);
  }
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
  GtkRoot *root;
  GtkWidget *window;
  GtkWidget *page;
  EdJob *job;

  g_return_if_fail (ED_IS_ELECTION_DETAIL (self));
  g_return_if_fail (folder != NULL);

  if (self->election == NULL || self->registers_progress != NULL)
    return;
  self->registers_early = before_final;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  window = adw_window_new ();
  page = ed_job_page_new (_("Saving the Polling-Station Registers…"),
                          _("Progress of the registers"));

  gtk_window_set_title (GTK_WINDOW (window), _("Saving the Polling-Station Registers"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_deletable (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, -1);
  ed_job_page_set_description (ED_JOB_PAGE (page),
                               _("A PDF for each station. Cancel leaves none of them."));
  adw_window_set_content (ADW_WINDOW (window), page);
  self->registers_progress = GTK_WINDOW (window);
  gtk_widget_set_sensitive (self->registers_button, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  job = ed_station_registers_write_async (self->context, self->election->id, folder,
                                          self->registers_early
                                            ? ED_STATION_REGISTER_FLAGS_BEFORE_FINAL
                                            : ED_STATION_REGISTER_FLAGS_NONE,
                                          NULL, registers_done_cb, g_object_ref (self));
  ed_job_page_watch (ED_JOB_PAGE (page), job);
}

static void
registers_folder_cb (GtkNativeDialog  *chooser,
                     int               response,
                     EdElectionDetail *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file == NULL || (folder = g_file_get_path (file)) == NULL || self->election == NULL)
    return;
  ed_election_detail_save_registers (self, folder, self->registers_early);
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

  return self->registers_progress != NULL;
}

static void
choose_registers_folder (EdElectionDetail *self)
{
  if (self->chooser != NULL)
    return;
  self->chooser = folder_chooser_new (self, _("Save Polling-Station Registers"), _("_Save"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (registers_folder_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
early_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   EdElectionDetail *self)
{
  if (!g_str_equal (response, "early"))
    return;
  self->registers_early = TRUE;
  choose_registers_folder (self);
}

/* Before the final interim notice's day the registers may still change: printing them then
 * is asked about first (DOMAIN.md §1.4). */
static gboolean
before_final_notice (EdElectionDetail *self,
                     GDate            *final_day)
{
  EdInterimNotice notices[ED_N_INTERIM_NOTICES];
  GDate today;

  if (!ed_election_get_interim_notices (self->context, self->election, notices, NULL))
    return FALSE;
  ed_today (&today);
  *final_day = notices[ED_N_INTERIM_NOTICES - 1].dates.publication;
  return g_date_compare (&today, final_day) < 0;
}

static void
save_registers_clicked_cb (EdElectionDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *day = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GDate final_day;

  if (self->election == NULL || self->chooser != NULL)
    return;
  self->registers_early = FALSE;
  if (!before_final_notice (self, &final_day))
    {
      choose_registers_folder (self);
      return;
    }
  day = ed_date_format_long (&final_day);
  /* Translators: %s is the day of the final interim notice */
  body = g_strdup_printf (_("The final interim notice of alteration, on %s, may still add or "
                            "remove electors. Registers printed now may have to be printed "
                            "again."), day);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save the Registers Early?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "early", _("_Save Early"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "early",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (early_response_cb), self, 0);
  ed_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The poll cards ----------------------------------------------------------------------------- */

static void
poll_cards_clicked_cb (EdElectionDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->election == NULL)
    return;
  dialog = ed_poll_card_dialog_new (self->context, self->election);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Cards go out if the poll sends them, or, for a Welsh community poll its council has not
 * asked for them, when the count finds some all the same: anonymous electors always get one,
 * and a poll combined with it may send them (DOMAIN.md §2.1). */
static void
show_poll_cards (EdElectionDetail *self)
{
  gboolean community = self->election != NULL &&
                       self->election->kind == ED_ELECTION_PARISH &&
                       self->election->country == ED_COUNTRY_WALES;

  gtk_widget_set_visible (self->cards_requested_row, community);
  if (community)
    gtk_switch_set_active (GTK_SWITCH (self->cards_requested_switch),
                           self->election->cards_requested);
  gtk_widget_set_sensitive (self->poll_cards_button,
                            self->election != NULL &&
                            (self->election->cards_requested || self->cards > 0));
  if (self->cards >= 0)
    {
      g_autofree char *n = format_count (self->cards);
      /* Translators: %s is a count of poll cards with its thousands grouped, "1,234" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s card to send",
                                                            "%s cards to send",
                                                            (gulong)self->cards),
                                               n);

      gtk_label_set_text (GTK_LABEL (self->poll_cards_count), text);
    }
  gtk_widget_set_visible (self->poll_cards_count, self->election != NULL && self->cards >= 0);
}

static void
cards_requested_cb (EdElectionDetail *self)
{
  gboolean requested = gtk_switch_get_active (GTK_SWITCH (self->cards_requested_switch));
  g_autoptr(GError) error = NULL;

  if (self->rebuilding || self->election == NULL ||
      requested == self->election->cards_requested)
    return;
  if (!ed_election_set_cards_requested (self->context, self->election, requested, &error))
    {
      self->rebuilding = TRUE;
      gtk_switch_set_active (GTK_SWITCH (self->cards_requested_switch), !requested);
      self->rebuilding = FALSE;
      toast (self, error->message);
      return;
    }
  /* The cards counted go with the request: counted afresh, as the electorate is. */
  show_poll_cards (self);
  count_electorate (self);
}

static void
show_polling (EdElectionDetail *self)
{
  gtk_widget_set_sensitive (self->registers_button, self->election != NULL &&
                                                    self->registers_progress == NULL);
  show_poll_cards (self);
  show_notices (self);
  count_electorate (self);
}

static void
ed_election_detail_dispose (GObject *object)
{
  EdElectionDetail *self = ED_ELECTION_DETAIL (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->electorate_cancellable != NULL)
    g_cancellable_cancel (self->electorate_cancellable);
  g_clear_object (&self->electorate_cancellable);
  /* The rows going with the template are not edits; their steps are freed at finalize. */
  self->rebuilding = TRUE;
  g_clear_object (&self->context);
  g_clear_pointer (&self->election_id, g_free);
  g_clear_pointer (&self->election, ed_election_free);
  g_clear_pointer (&self->timetable, ed_timetable_free);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_election_detail_parent_class)->dispose (object);
}

static void
ed_election_detail_finalize (GObject *object)
{
  EdElectionDetail *self = ED_ELECTION_DETAIL (object);

  g_clear_pointer (&self->task_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_election_detail_parent_class)->finalize (object);
}

static void
ed_election_detail_class_init (EdElectionDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_election_detail_dispose;
  object_class->finalize = ed_election_detail_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/elections/ed-election-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, contests_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, uncontested_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, combined_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, timetable_group);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, timetable_list);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, skip_day_button);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, skipped_list);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, electorate_group);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, electorate_spinner);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, electorate_status);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, electorate_list);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, notices_list);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, notices_error);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, registers_button);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, cards_requested_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, cards_requested_switch);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, poll_cards_count);
  gtk_widget_class_bind_template_child (widget_class, EdElectionDetail, poll_cards_button);
  gtk_widget_class_bind_template_callback (widget_class, save_registers_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, poll_cards_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cards_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_day_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_calendar_clicked_cb);
}

static void
ed_election_detail_init (EdElectionDetail *self)
{
  self->task_rows = g_ptr_array_new_with_free_func ((GDestroyNotify)task_row_free);
  self->cards = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  ed_accessible_name_buttons (GTK_WIDGET (self));
}
