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

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/ed-date.h"
#include "ui/ed-folder-row.h"
#include "ui/ed-job-page.h"
#include "ui/ed-number-format.h"
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

  GtkStack             *stack;
  GtkButton            *publish_button;
  AdwEntryRow          *date_row;
  GtkLabel             *date_message;
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

static gboolean
all_digits (const char *text,
            gsize       min_len,
            gsize       max_len)
{
  gsize len = strlen (text);

  if (len < min_len || len > max_len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* Officers write dates day first; the core reads ISO only (ed_date_parse_iso()), so a
 * d/m/yyyy date is checked here and an ISO one is passed through. */
static gboolean
parse_date (const char  *text,
            GDate       *out,
            GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_auto(GStrv) parts = NULL;
  guint day;
  guint month;
  guint year;

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Enter the publication date, such as 1/12/2026 or 2026-12-01"));
      return FALSE;
    }
  if (strchr (trimmed, '/') == NULL)
    return ed_date_parse_iso (trimmed, out, error);

  parts = g_strsplit (trimmed, "/", -1);
  if (g_strv_length (parts) != 3 || !all_digits (parts[0], 1, 2) ||
      !all_digits (parts[1], 1, 2) || !all_digits (parts[2], 4, 4))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a date: enter it as day/month/year, such as 1/12/2026, or "
                     "as 2026-12-01"),
                   trimmed);
      return FALSE;
    }
  day = (guint)g_ascii_strtoull (parts[0], NULL, 10);
  month = (guint)g_ascii_strtoull (parts[1], NULL, 10);
  year = (guint)g_ascii_strtoull (parts[2], NULL, 10);
  if (!g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a real date"), trimmed);
      return FALSE;
    }
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

static void
show_date_message (EdReviseDialog *self,
                   const char     *message)
{
  gboolean invalid = message != NULL;

  gtk_label_set_text (self->date_message, invalid ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_message), invalid);
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->date_row), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, invalid ? message : "",
                                  -1);
}

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
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *determination = NULL;
  g_autofree char *application = NULL;
  g_autofree char *timetable = NULL;
  GDate date;

  self->have_preview = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button), FALSE);
  g_date_clear (&date, 1);
  if (!parse_date (text, &date, &error) ||
      !ed_register_revise_preview (self->context, &date, &self->preview, &error))
    {
      show_date_message (self, error->message);
      adw_action_row_set_subtitle (self->timetable_row, "");
      gtk_widget_set_visible (self->plan_group, FALSE);
      return;
    }

  show_date_message (self, NULL);
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
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_window_get_content (ADW_WINDOW (self))),
                               toast);
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

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (adw_window_get_content (ADW_WINDOW (self))),
                                   toast);
    }
}

/* ---- building -------------------------------------------------------------------------- */

static GtkLabel *
wrapped_label (void)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_xalign (label, 0);
  return label;
}

static GtkWidget *
build_start_page (EdReviseDialog *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *register_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *details_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *plan_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (register_group, _("Revised Register"));
  adw_preferences_group_set_description (register_group,
                                         _("Published by 1 December each year, or by "
                                           "1 February after an election during the canvass."));

  self->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Publication date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Publication date"), -1);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (date_changed_cb), self);
  adw_preferences_group_add (register_group, GTK_WIDGET (self->date_row));

  self->date_message = wrapped_label ();
  gtk_widget_add_css_class (GTK_WIDGET (self->date_message), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->date_message), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->date_message), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->date_message), FALSE);
  /* The date has a group of its own so that its message sits right under it: a group puts
   * widgets that are not rows after all of its rows. */
  adw_preferences_group_add (register_group, GTK_WIDGET (self->date_message));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), register_group);

  self->timetable_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->timetable_row),
                                 _("Determination deadline"));
  adw_preferences_group_add (details_group, GTK_WIDGET (self->timetable_row));

  self->folder_row = ED_FOLDER_ROW (ed_folder_row_new (_("Save Registers In"),
                                                      _("Choose the folder to save the registers in")));
  adw_preferences_group_add (details_group, GTK_WIDGET (self->folder_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), details_group);

  adw_preferences_group_set_title (plan_group, _("What Happens"));
  self->plan_label = wrapped_label ();
  gtk_label_set_selectable (self->plan_label, FALSE);
  adw_preferences_group_add (plan_group, GTK_WIDGET (self->plan_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), plan_group);
  self->plan_group = GTK_WIDGET (plan_group);
  return page;
}

static GtkWidget *
pill_button (const char *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  return button;
}

/* The status pages have no icon: a large symbolic icon needs the SVG loader, which not every
 * system has. */
static GtkWidget *
build_done_page (EdReviseDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button;

  self->done_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_title (self->done_page, _("Revised Register Published"));
  self->files_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->files_label, TRUE);
  gtk_label_set_selectable (self->files_label, TRUE);
  gtk_label_set_justify (self->files_label, GTK_JUSTIFY_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->files_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Files saved"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->files_label));

  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  button = pill_button (_("_Open Folder"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (open_folder_cb), self);
  gtk_box_append (GTK_BOX (buttons), button);
  button = pill_button (_("_Close"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (gtk_window_close), self);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (box), buttons);

  adw_status_page_set_child (self->done_page, box);
  return GTK_WIDGET (self->done_page);
}

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

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_revise_dialog_init (EdReviseDialog *self)
{
  GtkWidget *toast_overlay = adw_toast_overlay_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *close;

  gtk_window_set_title (GTK_WINDOW (self), _("Publish Revised Register"));
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 620);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  close = gtk_button_new_with_mnemonic (_("_Close"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), close);
  self->publish_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Publish")));
  gtk_widget_add_css_class (GTK_WIDGET (self->publish_button), "suggested-action");
  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->publish_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Publish the revised register"), -1);
  g_signal_connect_swapped (self->publish_button, "clicked", G_CALLBACK (publish_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->publish_button));
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, build_start_page (self), "start");
  /* ed_register_revise() writes in one change set, committed at the very end, so Cancel
   * at any point before leaves the district as it was. */
  self->job_page = ED_JOB_PAGE (ed_job_page_new (_("Publishing the Revised Register…"),
                                                 _("Progress of the revised register")));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->job_page), "progress");
  gtk_stack_add_named (self->stack, build_done_page (self), "done");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (toast_overlay), box);
  adw_window_set_content (ADW_WINDOW (self), toast_overlay);

  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));
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
