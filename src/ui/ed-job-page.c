/* ed-job-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a window shows while a job runs (core/ed-job.h): a title, a line under it, the job's
 * progress as a bar with its sentence, and a Cancel button. Every dialog that runs long work
 * shows the same page, so Cancel looks and behaves the same everywhere: pressed, it says so
 * and waits for the job to stop; once the job has committed, when a cancel would no longer
 * undo it, it is off. */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/ed-job-page.h"
#include "ui/ed-ui-resources.h"

struct _EdJobPage
{
  AdwBin          parent_instance;

  EdJob          *job;            /* while it runs */

  AdwStatusPage  *status_page;
  GtkProgressBar *progress_bar;
  GtkButton      *cancel_button;
};

G_DEFINE_FINAL_TYPE (EdJobPage, ed_job_page, ADW_TYPE_BIN)

static void
forget_job (EdJobPage *self)
{
  if (self->job == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
}

static void
progress_cb (EdJobPage  *self,
             double      fraction,
             const char *text)
{
  /* A report may come after Cancel, from the step the worker was on. */
  if (g_cancellable_is_cancelled (ed_job_get_cancellable (self->job)))
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
committed_cb (EdJobPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
}

static void
running_cb (EdJobPage *self)
{
  if (!ed_job_is_running (self->job))
    forget_job (self);
}

static void
cancel_clicked_cb (EdJobPage *self)
{
  if (self->job == NULL || ed_job_get_committed (self->job))
    return;
  gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  ed_job_cancel (self->job);
}

static void
ed_job_page_dispose (GObject *object)
{
  EdJobPage *self = ED_JOB_PAGE (object);

  forget_job (self);

  G_OBJECT_CLASS (ed_job_page_parent_class)->dispose (object);
}

static void
ed_job_page_class_init (EdJobPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_job_page_dispose;

  (void)ed_ui_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/electoraldesk/ElectoralDesk/ed-job-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdJobPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, EdJobPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EdJobPage, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
}

static void
ed_job_page_init (EdJobPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ed_job_page_new:
 * @title: what is being done, as a heading: "Publishing the Notice…"
 * @progress_label: the progress bar's name for a screen reader: "Progress of the notice"
 *
 * Returns: (transfer full): a new page, showing no job yet
 */
GtkWidget *
ed_job_page_new (const char *title,
                 const char *progress_label)
{
  EdJobPage *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (progress_label != NULL, NULL);

  self = g_object_new (ED_TYPE_JOB_PAGE, NULL);
  adw_status_page_set_title (self->status_page, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, progress_label, -1);
  return GTK_WIDGET (self);
}

void
ed_job_page_set_title (EdJobPage  *self,
                       const char *title)
{
  g_return_if_fail (ED_IS_JOB_PAGE (self));

  adw_status_page_set_title (self->status_page, title);
}

/**
 * ed_job_page_set_description:
 * @self: the page
 * @description: (nullable): a line under the title: what Cancel does, the file read
 */
void
ed_job_page_set_description (EdJobPage  *self,
                             const char *description)
{
  g_return_if_fail (ED_IS_JOB_PAGE (self));

  adw_status_page_set_description (self->status_page, description);
}

/**
 * ed_job_page_watch:
 * @self: the page
 * @job: a job that has just been started
 *
 * Shows @job's progress from its start, and gives its Cancel button to @job until it is
 * done. Focus goes to Cancel, the one thing a person can do meanwhile.
 */
void
ed_job_page_watch (EdJobPage *self,
                   EdJob     *job)
{
  g_return_if_fail (ED_IS_JOB_PAGE (self));
  g_return_if_fail (ED_IS_JOB (job));

  forget_job (self);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  if (!ed_job_is_running (job))
    return;

  self->job = g_object_ref (job);
  g_signal_connect_swapped (job, "progress", G_CALLBACK (progress_cb), self);
  g_signal_connect_swapped (job, "notify::committed", G_CALLBACK (committed_cb), self);
  g_signal_connect_swapped (job, "notify::running", G_CALLBACK (running_cb), self);
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
}
