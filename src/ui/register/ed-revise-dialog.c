/* ed-revise-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Publishes the revised register (DOMAIN.md §1.1, §1.4): the officer confirms the
 * publication date, sees in plain words what will happen, and publishes. Every polling
 * district is renumbered in street order and the changes waiting are published, in one
 * change set (ed_register_revise()); then the full and open registers are written as PDF
 * and CSV, the copies the office publishes and supplies.
 *
 * At a million electors this takes minutes, so it runs as a job (ed_register_revise_async(),
 * which the command line runs too), on a connection of its own, with its progress shown.
 * Cancelling before the revision is committed leaves the district as it was; once it is
 * committed only the files remain to write, and they can be written again from the register
 * page. */

#define G_LOG_DOMAIN "ed-ui-register"

#include "config.h"

#include <glib/gi18n.h>

#include "core/ed-date.h"
#include "core/ed-today.h"
#include "ui/ed-folder-row.h"
#include "ui/ed-job-page.h"
#include "ui/ed-number-format.h"
#include "ui/ed-ui-resources.h"
#include "ui/widgets/ed-date-row.h"
#include "register/ed-register-notice.h"
#include "register/ed-register-revise-files.h"
#include "register/ed-register-revise-preview.h"
#include "register/ed-register-revise.h"
#include "ui/register/ed-revise-dialog.h"

struct _EdReviseDialog
{
  AdwWindow             parent_instance;

  EdContext            *context;
  GDate                 today;
  GDate                 publication;       /* the date typed, when it is a date */
  EdRevisePreview       preview;
  gboolean              have_preview;      /* the date can be published and preview is it */
  EdJob                *job;               /* set while the work runs */
  gboolean              committed;         /* the revision is in; files are being written */
  gboolean              closed;
  AdwMessageDialog     *confirm;           /* "stop?" while the work runs */

  AdwToastOverlay      *toasts;
  GtkStack             *stack;
  GtkButton            *publish_button;
  EdDateRow            *date_row;
  AdwPreferencesGroup  *details_group;
  AdwActionRow         *timetable_row;
  EdFolderRow          *folder_row;
  GtkWidget            *plan_group;
  GtkLabel             *plan_label;
  EdJobPage            *job_page;
  AdwStatusPage        *done_page;
  GtkLabel             *files_label;
};

G_DEFINE_FINAL_TYPE (EdReviseDialog, ed_revise_dialog, ADW_TYPE_WINDOW)

enum
{
  REVISED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- the date and what it will do ----------------------------------------------------- */

/* @format, from ngettext(), with the count in it as grouped digits, "60,000": a register
 * runs to tens of thousands. Grouped as the register page groups them, in the C locale too. */
static char *
count_text (const char *format,
            guint       n)
{
  g_autofree char *digits = ed_number_format_count (n);

  return g_strdup_printf (format, digits);
}

/* "What will happen", in the words an officer would use. */
static void
show_plan (EdReviseDialog *self)
{
  const EdRevisePreview *preview = &self->preview;
  guint n_electors = preview->n_electors;
  guint n_parts = preview->n_parts;
  g_autofree char *electors = count_text (ngettext ("%s elector", "%s electors", n_electors),
                                          n_electors);
  g_autofree char *districts = count_text (ngettext ("%s polling district",
                                                     "%s polling districts", n_parts),
                                           n_parts);
  g_autoptr(GString) plan = g_string_new (NULL);

  if (preview->n_alterations > 0)
    {
      guint n = preview->n_alterations;
      g_autofree char *changes = count_text (ngettext ("%s change", "%s changes", n), n);

      /* Translators: "Renumbers 60,000 electors in 12 polling districts in street order and
       * publishes the 45 changes waiting." */
      g_string_append_printf (plan, _("Renumbers %s in %s in street order and publishes the %s "
                                      "waiting."),
                              electors, districts, changes);
    }
  else
    /* Translators: "Renumbers 60,000 electors in 12 polling districts in street order; …" */
    g_string_append_printf (plan, _("Renumbers %s in %s in street order; no change is waiting "
                                    "to be published."),
                            electors, districts);

  if (preview->n_left_pending > 0)
    {
      guint n = preview->n_left_pending;
      g_autofree char *waiting = count_text (ngettext ("%s addition determined after the "
                                                       "cut-off waits for the next notice.",
                                                       "%s additions determined after the "
                                                       "cut-off wait for the next notice.", n),
                                             n);

      g_string_append_printf (plan, " %s", waiting);
    }
  g_string_append_printf (plan, "\n\n%s",
                          _("Then the full and open registers are saved as PDF and CSV in the "
                            "folder above. Numbers change only now, once a year: check the "
                            "date before you publish."));
  gtk_label_set_text (self->plan_label, plan->str);
}

/* Reads the date typed and what publishing on it would do. A date that cannot be published
 * (not a date, or one a published register or notice comes after) says why under the entry
 * and leaves Publish off. */
static void
update_preview (EdReviseDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *determination = NULL;
  g_autofree char *application = NULL;
  g_autofree char *timetable = NULL;
  GDate date;

  self->have_preview = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button), FALSE);
  g_date_clear (&date, 1);
  if (!ed_date_row_get_date (self->date_row, &date, &error) ||
      !ed_register_revise_preview (self->context, &date, &self->preview, &error))
    {
      ed_validated_entry_row_set_error (ED_VALIDATED_ENTRY_ROW (self->date_row), error->message);
      adw_action_row_set_subtitle (self->timetable_row, "");
      gtk_widget_set_visible (self->plan_group, FALSE);
      return;
    }

  ed_validated_entry_row_set_error (ED_VALIDATED_ENTRY_ROW (self->date_row), NULL);
  self->publication = date;
  self->have_preview = TRUE;
  determination = ed_notice_format_date (&self->preview.dates.determination);
  application = ed_notice_format_date (&self->preview.dates.last_application);
  timetable = g_strdup_printf (_("Publishes the changes determined by %s (applications "
                                 "received by %s)."),
                               determination, application);
  adw_action_row_set_subtitle (self->timetable_row, timetable);
  show_plan (self);
  gtk_widget_set_visible (self->plan_group, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button), self->job == NULL);
}

static void
date_changed_cb (EdReviseDialog *self)
{
  update_preview (self);
}

static void
set_default_date (EdReviseDialog *self)
{
  g_autofree char *iso = NULL;
  GDate date;

  ed_register_revise_default_date (&self->today, &date);
  iso = ed_date_format_iso (&date);
  /* Read once, whether or not the text changed: at a million electors a preview takes a
   * second or two. */
  g_signal_handlers_block_by_func (self->date_row, date_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), iso);
  g_signal_handlers_unblock_by_func (self->date_row, date_changed_cb, self);
  update_preview (self);
}

/* ---- the work, as a job ---------------------------------------------------------------- */

static void
revise_committed_cb (EdReviseDialog *self)
{
  /* Past the point of no return: what is left is writing files, and the page's Cancel is
   * off. */
  self->committed = TRUE;
  ed_job_page_set_title (self->job_page, _("Saving the Registers…"));
  ed_job_page_set_description (self->job_page, _("The revised register is published."));
}

static void
show_start (EdReviseDialog *self,
            const char     *why)
{
  AdwToast *toast;

  gtk_stack_set_visible_child_name (self->stack, "start");
  gtk_widget_set_visible (GTK_WIDGET (self->publish_button), TRUE);
  update_preview (self);
  if (why == NULL)
    return;
  toast = adw_toast_new (why);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
show_done (EdReviseDialog        *self,
           const EdReviseSummary *summary,
           GPtrArray             *paths,
           GError                *files_error)
{
  g_autofree char *when = ed_notice_format_date (&self->publication);
  guint n_electors = summary->n_electors;
  guint n_parts = summary->n_parts;
  guint n_renumbered = summary->n_renumbered;
  guint n_alterations = summary->n_alterations;
  g_autofree char *electors = count_text (ngettext ("%s elector", "%s electors", n_electors),
                                          n_electors);
  g_autofree char *districts = count_text (ngettext ("%s polling district",
                                                     "%s polling districts", n_parts),
                                           n_parts);
  /* Translators: "1,200 renumbered", of electors */
  g_autofree char *renumbered = count_text (ngettext ("%s renumbered", "%s renumbered",
                                                      n_renumbered),
                                            n_renumbered);
  g_autofree char *changes = count_text (ngettext ("%s change", "%s changes", n_alterations),
                                         n_alterations);
  /* Translators: "30 added", of electors */
  g_autofree char *added = count_text (ngettext ("%s added", "%s added", summary->n_added),
                                       summary->n_added);
  /* Translators: "10 deleted", of electors */
  g_autofree char *deleted = count_text (ngettext ("%s deleted", "%s deleted",
                                                   summary->n_deleted),
                                         summary->n_deleted);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GString) files = g_string_new (NULL);
  g_autofree char *folder = g_filename_display_name (ed_folder_row_get_folder (self->folder_row));

  /* Translators: "The register of Tuesday 1 December 2026: 60,000 electors in 12 polling
   * districts, 1,200 renumbered." */
  g_string_append_printf (description, _("The register of %s: %s in %s, %s."), when, electors,
                          districts, renumbered);
  g_string_append_c (description, '\n');
  if (n_alterations > 0)
    /* Translators: "Published 45 changes: 30 added, 10 deleted." */
    g_string_append_printf (description, _("Published %s: %s, %s."), changes, added, deleted);
  else
    g_string_append (description, _("No change was waiting to be published."));
  if (summary->n_left_pending > 0)
    {
      guint n = summary->n_left_pending;
      g_autofree char *waiting = count_text (ngettext ("%s addition left pending for the next "
                                                       "notice.",
                                                       "%s additions left pending for the next "
                                                       "notice.", n),
                                             n);

      g_string_append_printf (description, "\n%s", waiting);
    }
  adw_status_page_set_description (self->done_page, description->str);

  if (paths->len > 0)
    {
      /* Translators: %s is a folder; the file names follow, one a line */
      g_string_append_printf (files, _("Saved in %s:"), folder);
      for (guint i = 0; i < paths->len; i++)
        {
          g_autofree char *name = g_path_get_basename (g_ptr_array_index (paths, i));

          g_string_append_printf (files, "\n%s", name);
        }
    }
  if (files_error != NULL)
    {
      const char *why = g_error_matches (files_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                          ? _("Stopped before every file was written.")
                          : files_error->message;

      if (files->len > 0)
        g_string_append (files, "\n\n");
      /* Translators: %s says why; the register itself is revised */
      g_string_append_printf (files, _("Not every file could be saved: %s You can print or "
                                       "export the register from the register page."),
                              why);
    }
  gtk_label_set_text (self->files_label, files->str);
  gtk_stack_set_visible_child_name (self->stack, "done");
}

static void
revise_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EdReviseDialog) self = user_data;
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) files_error = NULL;
  g_autoptr(GError) error = NULL;
  EdReviseSummary summary;
  gboolean revised;

  revised = ed_register_revise_finish (ED_JOB (source), result, &summary, &paths, &files_error,
                                       &error);
  g_clear_object (&self->job);
  if (self->confirm != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->confirm));
      self->confirm = NULL;
    }

  /* The register changed, whether or not anyone is still looking at this window. */
  if (revised)
    g_signal_emit (self, signals[REVISED], 0);
  if (self->closed)
    return;

  if (revised)
    show_done (self, &summary, paths, files_error);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_start (self, _("Cancelled: the register is as it was"));
  else
    {
      g_autofree char *why = g_strdup_printf (_("The register was not revised: %s"),
                                              error->message);

      show_start (self, why);
    }
}

static void
publish_cb (EdReviseDialog *self)
{
  EdJob *job;

  if (!self->have_preview || self->job != NULL)
    return;

  self->committed = FALSE;
  ed_job_page_set_title (self->job_page, _("Publishing the Revised Register…"));
  ed_job_page_set_description (self->job_page, _("Cancel leaves the register as it was."));
  gtk_widget_set_visible (GTK_WIDGET (self->publish_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");

  /* The job keeps this window until it is done, even once closed: it still tells the page
   * if the revision got in. */
  job = ed_register_revise_async (self->context, &self->publication,
                                  ed_folder_row_get_folder (self->folder_row), NULL,
                                  revise_done_cb, g_object_ref (self));
  self->job = g_object_ref (job);
  ed_job_page_watch (self->job_page, job);
  g_signal_connect_object (job, "notify::committed", G_CALLBACK (revise_committed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ---- closing --------------------------------------------------------------------------- */

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     EdReviseDialog   *self)
{
  self->confirm = NULL;
  if (!g_str_equal (response, "stop") || self->job == NULL)
    return;
  /* The worker stops at its next check; the job keeps this object alive until it has, and
   * still tells the page if the revision got in first. */
  self->closed = TRUE;
  ed_job_cancel (self->job);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ask_to_stop (EdReviseDialog *self)
{
  AdwMessageDialog *dialog;

  if (self->confirm != NULL)
    return;
  if (self->committed)
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Stop Saving the Registers?"),
                                                           _("The revised register is published. "
                                                             "The files not saved yet can be "
                                                             "printed or exported from the "
                                                             "register page later.")));
      adw_message_dialog_add_responses (dialog, "keep", _("_Keep Saving"),
                                        "stop", _("_Stop"), NULL);
    }
  else
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Stop Revising the Register?"),
                                                           _("Nothing is changed: the register "
                                                             "stays as it was.")));
      adw_message_dialog_add_responses (dialog, "keep", _("_Keep Revising"),
                                        "stop", _("_Stop"), NULL);
    }
  adw_message_dialog_set_response_appearance (dialog, "stop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), self);
  self->confirm = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ed_revise_dialog_close_request (GtkWindow *window)
{
  EdReviseDialog *self = ED_REVISE_DIALOG (window);

  if (self->job != NULL && !self->closed)
    {
      ask_to_stop (self);
      return TRUE;
    }
  self->closed = TRUE;
  return GTK_WINDOW_CLASS (ed_revise_dialog_parent_class)->close_request (window);
}

static void
open_folder_cb (EdReviseDialog *self)
{
  g_autoptr(GFile) folder = g_file_new_for_path (ed_folder_row_get_folder (self->folder_row));
  g_autofree char *uri = g_file_get_uri (folder);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_overlay_add_toast (self->toasts, toast);
    }
}

/* ---- building -------------------------------------------------------------------------- */

static void
ed_revise_dialog_dispose (GObject *object)
{
  EdReviseDialog *self = ED_REVISE_DIALOG (object);

  g_clear_object (&self->context);
  /* A job still running keeps this object alive; its result must not touch widgets. */
  self->closed = TRUE;
  if (self->job != NULL)
    ed_job_cancel (self->job);

  G_OBJECT_CLASS (ed_revise_dialog_parent_class)->dispose (object);
}

static void
ed_revise_dialog_class_init (EdReviseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_revise_dialog_dispose;
  window_class->close_request = ed_revise_dialog_close_request;

  /**
   * EdReviseDialog::revised:
   *
   * The revised register was published: every number may have changed, and pending
   * additions and deletions have been resolved.
   */
  signals[REVISED] = g_signal_new ("revised", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ED_TYPE_DATE_ROW);
  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/register/ed-revise-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EdReviseDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, EdReviseDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EdReviseDialog, publish_button);
  gtk_widget_class_bind_template_child (widget_class, EdReviseDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, EdReviseDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, EdReviseDialog, timetable_row);
  gtk_widget_class_bind_template_child (widget_class, EdReviseDialog, plan_group);
  gtk_widget_class_bind_template_child (widget_class, EdReviseDialog, plan_label);
  gtk_widget_class_bind_template_child (widget_class, EdReviseDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, EdReviseDialog, files_label);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, publish_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_folder_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_revise_dialog_init (EdReviseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* These two take their titles and accessible names when they are made, so they are added
   * here rather than in the template. */
  self->folder_row =
    ED_FOLDER_ROW (ed_folder_row_new (_("Save Registers In"),
                                      _("Choose the folder to save the registers in")));
  adw_preferences_group_add (self->details_group, GTK_WIDGET (self->folder_row));
  /* ed_register_revise() writes in one change set, committed at the very end, so Cancel
   * at any point before leaves the district as it was. */
  self->job_page = ED_JOB_PAGE (ed_job_page_new (_("Publishing the Revised Register…"),
                                                 _("Progress of the revised register")));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->job_page), "progress");
  gtk_stack_set_visible_child_name (self->stack, "start");

  g_date_clear (&self->today, 1);
  ed_today (&self->today);
  g_date_clear (&self->publication, 1);
}

/**
 * ed_revise_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the district
 * @output_folder: (nullable): where the registers' PDF and CSV files are written, unless the
 *   officer chooses another folder; %NULL for Electoral Desk/Registers in the Documents folder
 *
 * Returns: (transfer full): a new dialog, not yet shown, offering the next revised
 *   register's usual date
 */
EdReviseDialog *
ed_revise_dialog_new (GtkWindow  *parent,
                      EdContext  *context,
                      const char *output_folder)
{
  EdReviseDialog *self;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);

  self = g_object_new (ED_TYPE_REVISE_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  folder = output_folder != NULL ? g_strdup (output_folder) : ed_register_revise_default_folder ();
  ed_folder_row_set_folder (self->folder_row, folder);
  set_default_date (self);
  return self;
}

/**
 * ed_revise_dialog_set_today:
 * @self: the dialog
 * @today: the current date
 *
 * For tests: the date offered follows from "today", which a test fixes. Resets the date
 * entry to the revised register that follows @today.
 */
void
ed_revise_dialog_set_today (EdReviseDialog *self,
                            const GDate    *today)
{
  g_return_if_fail (ED_IS_REVISE_DIALOG (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  set_default_date (self);
}

/**
 * ed_revise_dialog_is_running:
 * @self: the dialog
 *
 * Returns: whether the revision, or the writing of its files, is under way
 */
gboolean
ed_revise_dialog_is_running (EdReviseDialog *self)
{
  g_return_val_if_fail (ED_IS_REVISE_DIALOG (self), FALSE);

  return self->job != NULL;
}
