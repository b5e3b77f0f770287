/* ed-job-page.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/ed-job.h"

G_BEGIN_DECLS

#define ED_TYPE_JOB_PAGE (ed_job_page_get_type ())

G_DECLARE_FINAL_TYPE (EdJobPage, ed_job_page, ED, JOB_PAGE, AdwBin)

GtkWidget *ed_job_page_new             (const char *title,
                                        const char *progress_label);
void       ed_job_page_set_title       (EdJobPage  *self,
                                        const char *title);
void       ed_job_page_set_description (EdJobPage  *self,
                                        const char *description);
void       ed_job_page_watch           (EdJobPage  *self,
                                        EdJob      *job);

G_END_DECLS
