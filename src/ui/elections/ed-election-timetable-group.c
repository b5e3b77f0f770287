/* ed-election-timetable-group.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The timetable of the election shown, as a checklist. Each step's date is counted afresh
 * from polling day whenever it is shown, so a day the calendar skips moves them; ticking a
 * step records today as the day it was done, and who does it is saved as it is typed. Skip a
 * Day… adds a day every timetable skips, and says "changed" so the detail shows the dates
 * moved; Save as Calendar… writes the timetable as an iCalendar file. */

#define G_LOG_DOMAIN "ed-ui-elections"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "core/ed-date.h"
#include "core/ed-today.h"
#include "elections/ed-election-ical.h"
#include "ui/ed-accessible.h"
#include "ui/elections/ed-election-detail-private.h"
#include "ui/elections/ed-election-timetable-group.h"
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

struct _EdElectionTimetableGroup
{
  AdwPreferencesGroup   parent_instance;

  EdContext            *context;
  EdElection           *election;    /* the detail's */
  EdTimetable          *timetable;
  GPtrArray            *tasks;       /* EdTimetableTask */
  GPtrArray            *task_rows;   /* TaskRow, in the timetable's order */
  GtkFileChooserNative *chooser;
  gboolean              rebuilding;  /* rows are being replaced: their signals are not edits */

  GtkWidget            *timetable_list;
  GtkWidget            *skip_day_button;
};

G_DEFINE_FINAL_TYPE (EdElectionTimetableGroup, ed_election_timetable_group,
                     ADW_TYPE_PREFERENCES_GROUP)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
task_row_free (TaskRow *task_row)
{
  g_free (task_row->saved_assignee);
  g_free (task_row);
}


static EdTimetableTask *
find_task (EdElectionTimetableGroup *self,
           EdTimetableEvent         event)
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
update_task_row (EdElectionTimetableGroup *self,
                 TaskRow                  *task_row)
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
  EdElectionTimetableGroup *self = g_object_get_data (G_OBJECT (check), "group");
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
      _ed_election_detail_toast (GTK_WIDGET (self), error->message);
      return;
    }
  task_row->done_on = done_on;
  update_task_row (self, task_row);
}

static void
save_assignee (EdElectionTimetableGroup *self,
               TaskRow                  *task_row)
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
      _ed_election_detail_toast (GTK_WIDGET (self), error->message);
      return;
    }
  g_free (task_row->saved_assignee);
  task_row->saved_assignee = g_steal_pointer (&typed);
}

static void
who_activate_cb (GtkEntry *entry,
                 TaskRow  *task_row)
{
  save_assignee (g_object_get_data (G_OBJECT (entry), "group"), task_row);
}

static void
who_leave_cb (GtkEventControllerFocus *controller,
              TaskRow                 *task_row)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  save_assignee (g_object_get_data (G_OBJECT (entry), "group"), task_row);
}

static TaskRow *
add_task_row (EdElectionTimetableGroup *self,
              const EdTimetableEntry   *entry)
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
  g_object_set_data (G_OBJECT (task_row->check), "group", self);
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
  g_object_set_data (G_OBJECT (task_row->who), "group", self);
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

/* What the person is doing in the checklist, to put back once it is built afresh: text typed
 * and not yet saved, and the field or box they are in. (The detail keeps the scroll.) */
typedef struct
{
  char             *typed[ED_N_TIMETABLE_EVENTS];
  EdTimetableEvent  focus_event;
  gboolean          focus_on_who;
  gboolean          has_focus;
} Kept;

static void
keep_state (EdElectionTimetableGroup *self,
            Kept                     *kept)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  memset (kept, 0, sizeof *kept);
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
restore_state (EdElectionTimetableGroup *self,
               Kept                     *kept)
{
  for (guint i = 0; i < self->task_rows->len; i++)
    {
      TaskRow *task_row = g_ptr_array_index (self->task_rows, i);

      if (kept->typed[task_row->event] != NULL)
        gtk_editable_set_text (GTK_EDITABLE (task_row->who), kept->typed[task_row->event]);
      if (kept->has_focus && kept->focus_event == task_row->event)
        gtk_widget_grab_focus (kept->focus_on_who ? task_row->who : task_row->check);
    }
  for (guint i = 0; i < ED_N_TIMETABLE_EVENTS; i++)
    g_free (kept->typed[i]);
}

static void
clear_rows (EdElectionTimetableGroup *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->timetable_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->timetable_list), child);
  g_ptr_array_set_size (self->task_rows, 0);
}

/**
 * ed_election_timetable_group_set_election:
 * @self: the group
 * @context: (nullable): the district
 * @election: (nullable): the election shown, which the detail keeps until it gives another
 * @keep: %TRUE to keep what is typed and not yet saved, and the focus
 *
 * Reads the timetable of @election afresh and shows it.
 */
void
ed_election_timetable_group_set_election (EdElectionTimetableGroup *self,
                                          EdContext                *context,
                                          EdElection               *election,
                                          gboolean                  keep)
{
  g_autoptr(GError) error = NULL;
  Kept kept;

  g_return_if_fail (ED_IS_ELECTION_TIMETABLE_GROUP (self));

  memset (&kept, 0, sizeof kept);
  if (keep)
    keep_state (self, &kept);
  self->rebuilding = TRUE;
  clear_rows (self);
  g_clear_pointer (&self->timetable, ed_timetable_free);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_set_object (&self->context, context);
  self->election = election;
  if (self->election != NULL)
    {
      self->timetable = ed_election_get_timetable (self->context, self->election, &error);
      if (self->timetable != NULL)
        self->tasks = ed_election_get_tasks (self->context, self->election, &error);
      if (self->timetable == NULL || self->tasks == NULL)
        g_warning ("The timetable of %s cannot be read: %s", self->election->slug,
                   error->message);
      else
        for (guint i = 0; i < self->timetable->entries->len; i++)
          add_task_row (self, &g_array_index (self->timetable->entries, EdTimetableEntry, i));
    }
  if (keep)
    restore_state (self, &kept);
  self->rebuilding = FALSE;
}

/**
 * ed_election_timetable_group_save_calendar:
 * @self: the group
 * @file: where to write the `.ics`
 * @error: return location for an error
 *
 * Writes the timetable shown, with who does each step, as an iCalendar file.
 *
 * Returns: %TRUE on success
 */
gboolean
ed_election_timetable_group_save_calendar (EdElectionTimetableGroup  *self,
                                           GFile                     *file,
                                           GError                   **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (ED_IS_ELECTION_TIMETABLE_GROUP (self), FALSE);
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
chooser_response_cb (GtkNativeDialog          *chooser,
                     int                       response,
                     EdElectionTimetableGroup *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (ed_election_timetable_group_save_calendar (self, file, &error))
        _ed_election_detail_toast (GTK_WIDGET (self), _("Calendar saved"));
      else
        {
          g_autofree char *why = g_strdup_printf (_("The calendar could not be saved: %s"),
                                                  error->message);

          _ed_election_detail_toast (GTK_WIDGET (self), why);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
save_calendar_clicked_cb (EdElectionTimetableGroup *self)
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
 * ed_election_timetable_group_add_dies_non:
 * @self: the group
 * @day: a day of thanksgiving or mourning
 * @reason: why it is skipped
 * @error: return location for an error
 *
 * Adds a day every timetable of the district skips, and says "changed".
 *
 * Returns: %TRUE on success
 */
gboolean
ed_election_timetable_group_add_dies_non (EdElectionTimetableGroup  *self,
                                          const GDate               *day,
                                          const char                *reason,
                                          GError                   **error)
{
  g_return_val_if_fail (ED_IS_ELECTION_TIMETABLE_GROUP (self), FALSE);

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

typedef struct
{
  EdElectionTimetableGroup *self;
  GtkWidget                *day_row;
  GtkWidget                *reason_row;
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
  if (!ed_election_timetable_group_add_dies_non (skip->self, &day, reason, &error))
    {
      _ed_election_detail_toast (GTK_WIDGET (skip->self), error->message);
      return;
    }
  day_text = ed_date_format_long (&day);
  /* Translators: %s is a day of thanksgiving or mourning */
  done = g_strdup_printf (_("Timetables now skip %s"), day_text);
  _ed_election_detail_toast (GTK_WIDGET (skip->self), done);
}

static void
skip_day_clicked_cb (EdElectionTimetableGroup *self)
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

/**
 * ed_election_timetable_group_get_skip_day_button:
 * @self: the group
 *
 * Returns: (transfer none): Skip a Day…, where the focus goes when the last day skipped is
 *   removed
 */
GtkWidget *
ed_election_timetable_group_get_skip_day_button (EdElectionTimetableGroup *self)
{
  g_return_val_if_fail (ED_IS_ELECTION_TIMETABLE_GROUP (self), NULL);

  return self->skip_day_button;
}

static void
ed_election_timetable_group_dispose (GObject *object)
{
  EdElectionTimetableGroup *self = ED_ELECTION_TIMETABLE_GROUP (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* The rows going with the template are not edits; their steps are freed at finalize. */
  self->rebuilding = TRUE;
  g_clear_object (&self->context);
  self->election = NULL;
  g_clear_pointer (&self->timetable, ed_timetable_free);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_election_timetable_group_parent_class)->dispose (object);
}

static void
ed_election_timetable_group_finalize (GObject *object)
{
  EdElectionTimetableGroup *self = ED_ELECTION_TIMETABLE_GROUP (object);

  g_clear_pointer (&self->task_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_election_timetable_group_parent_class)->finalize (object);
}

static void
ed_election_timetable_group_class_init (EdElectionTimetableGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_election_timetable_group_dispose;
  object_class->finalize = ed_election_timetable_group_finalize;

  /**
   * EdElectionTimetableGroup::changed:
   *
   * A day every timetable skips was added: the dates are to be counted afresh.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/elections/ed-election-timetable-group.ui");
  gtk_widget_class_bind_template_child (widget_class, EdElectionTimetableGroup, timetable_list);
  gtk_widget_class_bind_template_child (widget_class, EdElectionTimetableGroup, skip_day_button);
  gtk_widget_class_bind_template_callback (widget_class, skip_day_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_calendar_clicked_cb);
}

static void
ed_election_timetable_group_init (EdElectionTimetableGroup *self)
{
  self->task_rows = g_ptr_array_new_with_free_func ((GDestroyNotify)task_row_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
