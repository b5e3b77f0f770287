/* ed-notice-dialog.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Publishes a monthly notice of alteration (DOMAIN.md §1.4). The officer picks one of the
 * next notice dates, sees what it will list, district by district, and publishes it: the PDF
 * and CSV are written to a folder and the changes are stamped as published, in one step. The
 * published notice can then be opened or printed from the same window.
 *
 * Publishing runs as a job (ed_register_notice_publish_async()), so the window shows its
 * progress and stays responsive; it commits last, so Cancel, or closing the window, at any
 * point leaves the district and the folder as they were. */

#define G_LOG_DOMAIN "ed-ui-register"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>

#include "core/ed-date.h"
#include "register/ed-notice-document.h"
#include "register/ed-register-notice-dates.h"
#include "register/ed-register-notice.h"
#include "ui/ed-folder-row.h"
#include "ui/ed-job-page.h"
#include "ui/ed-number-format.h"
#include "ui/ed-print.h"
#include "ui/ed-accessible.h"
#include "core/ed-today.h"
#include "ui/ed-ui-resources.h"
#include "ui/register/ed-notice-dialog.h"

/* How many notice dates are offered, and how many entries the preview lists before it
 * summarises the rest: the PDF has them all. */
#define N_DATES_OFFERED 4
#define MAX_PREVIEW_ROWS 300

struct _EdNoticeDialog
{
  AdwWindow             parent_instance;

  EdContext            *context;
  GDate                 today;
  GArray               *dates;            /* EdNoticeDates, as the date row lists them */
  EdNotice             *notice;           /* the preview of the chosen date, or NULL */
  guint                 counts[ED_N_ALTERATION_KINDS];   /* what the preview lists, by kind */
  EdNotice             *published;        /* the notice once published */
  char                 *pdf_path;
  EdJob                *job;              /* set while publishing */
  gboolean              closed;

  GtkStack             *stack;
  AdwPreferencesGroup  *notice_group;
  AdwComboRow          *date_row;
  AdwActionRow         *timetable_row;
  EdFolderRow          *folder_row;
  GtkLabel             *summary_label;
  GtkLabel             *problem_label;
  GtkListBox           *preview_list;
  GtkButton            *publish_button;
  EdJobPage            *job_page;
  AdwStatusPage        *published_page;
  GtkLabel             *published_files_label;
};

G_DEFINE_FINAL_TYPE (EdNoticeDialog, ed_notice_dialog, ADW_TYPE_WINDOW)

enum
{
  PUBLISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_problem (EdNoticeDialog *self,
              const char     *message)
{
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
}

static GtkWidget *
entry_row_new (EdNoticeEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (_(ed_alteration_kind_get_heading (entry->kind)));

  /* An anonymous entry is its number and marker only, here as in print. */
  title = entry->name[0] != '\0' ? g_strdup_printf ("%s  %s", entry->number, entry->name)
                                 : g_strdup_printf ("%s  %s", entry->number, entry->marker);
  if (entry->address[0] != '\0')
    g_string_append_printf (subtitle, " · %s", entry->address);
  if (entry->detail[0] != '\0')
    g_string_append_printf (subtitle, " · %s", entry->detail);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  return row;
}

static GtkWidget *
district_heading_new (EdNoticeDistrict *district)
{
  g_autofree char *text = g_strdup_printf (_("Polling district %s — %s"), district->code,
                                           district->name);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  return label;
}

static void
clear_preview (EdNoticeDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);
}

/* "3 additions, 1 deletion and 2 amendments", numbers grouped. */
static char *
changes_text (EdNoticeDialog *self)
{
  guint *counts = self->counts;
  g_autofree char *n_add = ed_number_format_count (counts[ED_ALTERATION_ADDITION]);
  g_autofree char *n_del = ed_number_format_count (counts[ED_ALTERATION_DELETION]);
  g_autofree char *n_amend = ed_number_format_count (counts[ED_ALTERATION_AMENDMENT]);
  g_autofree char *additions = NULL;
  g_autofree char *deletions = NULL;
  g_autofree char *amendments = NULL;

  /* Translators: %s is a number with its digits grouped ("1,204") */
  additions = g_strdup_printf (ngettext ("%s addition", "%s additions",
                                         counts[ED_ALTERATION_ADDITION]), n_add);
  deletions = g_strdup_printf (ngettext ("%s deletion", "%s deletions",
                                         counts[ED_ALTERATION_DELETION]), n_del);
  amendments = g_strdup_printf (ngettext ("%s amendment", "%s amendments",
                                          counts[ED_ALTERATION_AMENDMENT]), n_amend);
  /* Translators: the three counts of a notice: additions, deletions, amendments */
  return g_strdup_printf (_("%s, %s and %s"), additions, deletions, amendments);
}

typedef enum
{
  PUBLISH_ALLOWED,
  PUBLISH_EARLY,      /* allowed once a person confirms it */
  PUBLISH_REFUSED,
} PublishCheck;

/* Whether the chosen notice may be published today. The rule is the register's own
 * (ed_register_notice_check_publishable (), RPA 1983 s.13A): never while its determination
 * deadline has not passed; before its publication date only when the officer confirms it. */
static PublishCheck
check_publish (EdNoticeDialog       *self,
               const EdNoticeDates  *dates,
               char                **why)
{
  g_autoptr(GError) error = NULL;

  if (ed_register_notice_check_publishable (&dates->publication, &dates->determination,
                                            &self->today, ED_NOTICE_FLAGS_NONE, &error))
    return PUBLISH_ALLOWED;
  if (g_error_matches (error, ED_REGISTER_NOTICE_ERROR, ED_REGISTER_NOTICE_ERROR_BEFORE_DATE))
    return PUBLISH_EARLY;
  if (why != NULL)
    *why = g_strdup (error->message);
  return PUBLISH_REFUSED;
}

static void
fill_preview (EdNoticeDialog *self)
{
  guint shown = 0;
  guint *counts = self->counts;
  g_autofree char *changes = NULL;
  g_autofree char *summary = NULL;

  clear_preview (self);
  memset (self->counts, 0, sizeof self->counts);
  for (guint d = 0; d < self->notice->districts->len; d++)
    {
      EdNoticeDistrict *district = g_ptr_array_index (self->notice->districts, d);
      GtkWidget *heading = NULL;

      for (guint k = 0; k < ED_N_ALTERATION_KINDS; k++)
        for (guint i = 0; i < district->entries[k]->len; i++)
          {
            counts[k]++;
            if (shown >= MAX_PREVIEW_ROWS)
              continue;
            if (heading == NULL)
              {
                GtkWidget *heading_row = gtk_list_box_row_new ();

                heading = district_heading_new (district);
                gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (heading_row), heading);
                gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (heading_row), FALSE);
                gtk_list_box_append (self->preview_list, heading_row);
              }
            gtk_list_box_append (self->preview_list,
                                 entry_row_new (g_ptr_array_index (district->entries[k], i)));
            shown++;
          }
    }

  changes = changes_text (self);
  /* Translators: what a notice lists: "3 additions, 1 deletion and 2 amendments", then in how
   * many polling districts */
  summary = g_strdup_printf (ngettext ("%s in %u polling district.",
                                       "%s in %u polling districts.",
                                       self->notice->districts->len),
                             changes, self->notice->districts->len);
  if (shown < self->notice->n_entries)
    {
      g_autofree char *shown_text = ed_number_format_count (shown);
      /* Translators: %s is a number with its digits grouped */
      g_autofree char *more = g_strdup_printf (_("The first %s are listed here; the PDF has all."),
                                               shown_text);
      g_autofree char *both = g_strdup_printf ("%s %s", summary, more);

      gtk_label_set_text (self->summary_label, both);
    }
  else
    gtk_label_set_text (self->summary_label, summary);
}

static EdNoticeDates *
selected_dates (EdNoticeDialog *self)
{
  guint i = adw_combo_row_get_selected (self->date_row);

  if (self->dates == NULL || i >= self->dates->len)
    return NULL;
  return &g_array_index (self->dates, EdNoticeDates, i);
}

/* Reads what the chosen notice would list. A notice with nothing to publish, or one already
 * published, says so instead of offering to publish an empty notice. */
static void
update_preview (EdNoticeDialog *self)
{
  EdNoticeDates *dates = selected_dates (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *determination = NULL;
  g_autofree char *application = NULL;
  g_autofree char *timetable = NULL;

  g_clear_pointer (&self->notice, ed_notice_free);
  clear_preview (self);
  gtk_label_set_text (self->summary_label, "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button), FALSE);
  if (dates == NULL)
    return;

  determination = ed_notice_format_date (&dates->determination);
  application = ed_notice_format_date (&dates->last_application);
  timetable = g_strdup_printf (_("Lists the changes determined by %s (applications received by %s)."),
                               determination, application);
  adw_action_row_set_subtitle (self->timetable_row, timetable);

  self->notice = ed_register_notice_prepare (self->context, &dates->publication,
                                             ED_NOTICE_FLAGS_OPTIONAL, &error);
  if (self->notice == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  if (self->notice->n_alterations == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("No change determined by %s is waiting to be published."),
                         determination);

      show_problem (self, message);
      return;
    }
  fill_preview (self);
  {
    g_autofree char *why = NULL;

    if (check_publish (self, dates, &why) == PUBLISH_REFUSED)
      {
        show_problem (self, why);
        return;
      }
  }
  show_problem (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button), TRUE);
}

static void
date_selected_cb (EdNoticeDialog *self)
{
  update_preview (self);
}

static char *
date_label (const EdNoticeDates *dates)
{
  g_autofree char *when = ed_notice_format_date (&dates->publication);

  /* In the months just before the revised register the notice is the ERO's choice. */
  if (!dates->required)
    return g_strdup_printf (_("%s (optional)"), when);
  return g_steal_pointer (&when);
}

static void
load_dates (EdNoticeDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->dates, g_array_unref);
  self->dates = ed_register_notice_upcoming (self->context, &self->today, N_DATES_OFFERED,
                                             &error);
  if (self->dates == NULL)
    {
      adw_combo_row_set_model (self->date_row, NULL);
      show_problem (self, error->message);
      return;
    }

  /* A notice already published is history, not a choice: the dates start at the next one
   * due. Published notices can only be the first ones, since they come out in order. */
  while (self->dates->len > 0)
    {
      EdNoticeDates *dates = &g_array_index (self->dates, EdNoticeDates, 0);
      g_autoptr(EdNotice) notice = NULL;
      g_autoptr(GError) prepare_error = NULL;

      notice = ed_register_notice_prepare (self->context, &dates->publication,
                                           ED_NOTICE_FLAGS_OPTIONAL, &prepare_error);
      if (notice != NULL ||
          !(g_error_matches (prepare_error, ED_REGISTER_NOTICE_ERROR,
                             ED_REGISTER_NOTICE_ERROR_ALREADY_PUBLISHED) ||
            g_error_matches (prepare_error, ED_REGISTER_NOTICE_ERROR,
                             ED_REGISTER_NOTICE_ERROR_LATER_PUBLISHED)))
        break;
      g_array_remove_index (self->dates, 0);
    }
  for (guint i = 0; i < self->dates->len; i++)
    {
      g_autofree char *label = date_label (&g_array_index (self->dates, EdNoticeDates, i));

      gtk_string_list_append (labels, label);
    }

  g_signal_handlers_block_by_func (self->date_row, date_selected_cb, self);
  adw_combo_row_set_model (self->date_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->date_row, 0);
  g_signal_handlers_unblock_by_func (self->date_row, date_selected_cb, self);
  update_preview (self);
}

static void
publish_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(EdNoticeDialog) self = user_data;
  g_autoptr(EdNotice) published = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *files = NULL;
  gboolean ok;

  ok = ed_register_notice_publish_finish (ED_JOB (source), result, &published, &pdf_path,
                                          &csv_path, &error);
  g_clear_object (&self->job);

  /* The register changed, whether or not anyone is still looking at this window. */
  if (ok)
    g_signal_emit (self, signals[PUBLISHED], 0);
  if (self->closed)
    return;

  if (!ok)
    {
      /* Nothing was stamped and no file kept: the preview stays as it was, with the reason
       * shown. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_problem (self, _("Cancelled: nothing was published"));
      else
        show_problem (self, error->message);
      gtk_stack_set_visible_child_name (self->stack, "preview");
      gtk_widget_set_visible (GTK_WIDGET (self->publish_button), TRUE);
      return;
    }

  g_clear_pointer (&self->published, ed_notice_free);
  self->published = g_steal_pointer (&published);
  g_free (self->pdf_path);
  self->pdf_path = g_steal_pointer (&pdf_path);
  when = ed_notice_format_date (&self->published->publication);
  title = g_strdup_printf (_("Notice of %s Published"), when);
  adw_status_page_set_title (self->published_page, title);
  files = g_strdup_printf (_("Saved as %s and %s"), self->pdf_path, csv_path);
  gtk_label_set_text (self->published_files_label, files);
  gtk_stack_set_visible_child_name (self->stack, "published");
}

static void start_publishing (EdNoticeDialog *self);

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     EdNoticeDialog   *self)
{
  if (g_str_equal (response, "publish"))
    start_publishing (self);
}

/* Publishing cannot be taken back, so the officer is told what will change, and, before the
 * notice's date, that it is early. */
static void
publish_cb (EdNoticeDialog *self)
{
  EdNoticeDates *dates = selected_dates (self);
  g_autofree char *why = NULL;
  g_autofree char *when = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  PublishCheck check;

  if (dates == NULL || self->notice == NULL || self->job != NULL)
    return;
  check = check_publish (self, dates, &why);
  if (check == PUBLISH_REFUSED)
    {
      show_problem (self, why);
      gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button), FALSE);
      return;
    }

  when = ed_notice_format_date (&dates->publication);
  changes = changes_text (self);
  /* Translators: %s is the notice's publication date, a full date */
  heading = g_strdup_printf (_("Publish the Notice of %s?"), when);
  if (check == PUBLISH_EARLY)
    {
      g_autofree char *today = ed_notice_format_date (&self->today);

      /* Translators: the notice's date, today's date, then "3 additions, 1 deletion and 2
       * amendments" */
      body = g_strdup_printf (_("The notice is dated %s, and today is %s: it will be published "
                                "before its date. The register will change at once: %s. This "
                                "cannot be undone."),
                              when, today, changes);
    }
  else
    /* Translators: %s is "3 additions, 1 deletion and 2 amendments" */
    body = g_strdup_printf (_("The register will change at once: %s. This cannot be undone."),
                            changes);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "publish",
                                    check == PUBLISH_EARLY ? _("Publish _Early") : _("_Publish"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "publish",
                                              check == PUBLISH_EARLY ? ADW_RESPONSE_DESTRUCTIVE
                                                                     : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  ed_accessible_name_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_publishing (EdNoticeDialog *self)
{
  EdNoticeDates *dates = selected_dates (self);
  const char *folder = ed_folder_row_get_folder (self->folder_row);
  EdNoticeFlags flags;
  PublishCheck check;
  EdJob *job;

  if (dates == NULL || self->job != NULL || self->closed)
    return;
  check = check_publish (self, dates, NULL);
  if (check == PUBLISH_REFUSED)
    return;
  /* The officer has answered the question publish_cb () asked: an early notice was
   * confirmed. */
  flags = ED_NOTICE_FLAGS_OPTIONAL |
          (check == PUBLISH_EARLY ? ED_NOTICE_FLAGS_BEFORE_DATE : ED_NOTICE_FLAGS_NONE);
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);
      g_autofree char *message = g_strdup_printf (_("Could not create the folder “%s”: %s"),
                                                  display, g_strerror (saved_errno));

      show_problem (self, message);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->publish_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");

  /* The job keeps this window until it is done, even once closed. */
  job = ed_register_notice_publish_async (self->context, &dates->publication, flags, folder,
                                          NULL,
                                          publish_done_cb, g_object_ref (self));
  self->job = g_object_ref (job);
  ed_job_page_watch (self->job_page, job);
}

static gboolean
ed_notice_dialog_close_request (GtkWindow *window)
{
  EdNoticeDialog *self = ED_NOTICE_DIALOG (window);

  /* Closing is cancelling: the notice is committed last, so nothing is published. */
  self->closed = TRUE;
  if (self->job != NULL)
    ed_job_cancel (self->job);
  return GTK_WINDOW_CLASS (ed_notice_dialog_parent_class)->close_request (window);
}

static void
open_pdf_cb (EdNoticeDialog *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->pdf_path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    gtk_label_set_text (self->published_files_label, error->message);
}

static void
print_notice_cb (EdNoticeDialog *self)
{
  g_autoptr(EdDocument) document = ed_notice_document_new (self->published);

  ed_print_document (GTK_WINDOW (self), document, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

static void
ed_notice_dialog_dispose (GObject *object)
{
  EdNoticeDialog *self = ED_NOTICE_DIALOG (object);

  /* A job still running keeps this object alive; its result must not touch widgets. */
  self->closed = TRUE;
  if (self->job != NULL)
    ed_job_cancel (self->job);

  G_OBJECT_CLASS (ed_notice_dialog_parent_class)->dispose (object);
}

static void
ed_notice_dialog_finalize (GObject *object)
{
  EdNoticeDialog *self = ED_NOTICE_DIALOG (object);

  g_assert (self->job == NULL);
  g_clear_object (&self->context);
  g_clear_pointer (&self->dates, g_array_unref);
  g_clear_pointer (&self->notice, ed_notice_free);
  g_clear_pointer (&self->published, ed_notice_free);
  g_clear_pointer (&self->pdf_path, g_free);

  G_OBJECT_CLASS (ed_notice_dialog_parent_class)->finalize (object);
}

static void
ed_notice_dialog_class_init (EdNoticeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_notice_dialog_dispose;
  object_class->finalize = ed_notice_dialog_finalize;
  window_class->close_request = ed_notice_dialog_close_request;

  /**
   * EdNoticeDialog::published:
   *
   * A notice was published: electors pending addition or deletion have been resolved.
   */
  signals[PUBLISHED] = g_signal_new ("published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/register/ed-notice-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EdNoticeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EdNoticeDialog, notice_group);
  gtk_widget_class_bind_template_child (widget_class, EdNoticeDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, EdNoticeDialog, timetable_row);
  gtk_widget_class_bind_template_child (widget_class, EdNoticeDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EdNoticeDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, EdNoticeDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, EdNoticeDialog, publish_button);
  gtk_widget_class_bind_template_child (widget_class, EdNoticeDialog, published_page);
  gtk_widget_class_bind_template_child (widget_class, EdNoticeDialog, published_files_label);
  gtk_widget_class_bind_template_callback (widget_class, date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, publish_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_pdf_cb);
  gtk_widget_class_bind_template_callback (widget_class, print_notice_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ed_notice_dialog_init (EdNoticeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ed_accessible_name_buttons (GTK_WIDGET (self));

  /* Neither takes its words as properties, only when it is made. */
  self->folder_row = ED_FOLDER_ROW (ed_folder_row_new (_("Save Notices In"),
                                                      _("Choose the folder to save notices in")));
  adw_preferences_group_add (self->notice_group, GTK_WIDGET (self->folder_row));
  self->job_page = ED_JOB_PAGE (ed_job_page_new (_("Publishing the Notice…"),
                                                 _("Progress of the notice")));
  ed_job_page_set_description (self->job_page, _("Cancel leaves the register as it was."));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->job_page), "progress");

  ed_today (&self->today);
}

/**
 * ed_notice_dialog_new:
 * @parent: the window it belongs to
 * @context: the district
 * @output_folder: where the notice's PDF and CSV are written, unless the officer chooses
 *   another folder
 */
EdNoticeDialog *
ed_notice_dialog_new (GtkWindow  *parent,
                      EdContext  *context,
                      const char *output_folder)
{
  EdNoticeDialog *self;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (output_folder != NULL, NULL);

  self = g_object_new (ED_TYPE_NOTICE_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  ed_folder_row_set_folder (self->folder_row, output_folder);
  load_dates (self);
  return self;
}

/**
 * ed_notice_dialog_is_running:
 * @self: the dialog
 *
 * Returns: whether a notice is being published
 */
gboolean
ed_notice_dialog_is_running (EdNoticeDialog *self)
{
  g_return_val_if_fail (ED_IS_NOTICE_DIALOG (self), FALSE);

  return self->job != NULL;
}

/* For tests: the dates offered follow from "today", which a test fixes. */
void
ed_notice_dialog_set_today (EdNoticeDialog *self,
                            const GDate    *today)
{
  g_return_if_fail (ED_IS_NOTICE_DIALOG (self));
  g_return_if_fail (g_date_valid (today));

  self->today = *today;
  load_dates (self);
}
