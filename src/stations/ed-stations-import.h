/* ed-stations-import.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-job.h"
#include "district/ed-context.h"
#include "stations/ed-station-file.h"

G_BEGIN_DECLS

/**
 * EdStationsImportReport:
 * @files: what the files said, with every row left out and why in its @dropped
 * @dry_run: whether nothing was written
 * @n_districts_added: polling districts created for codes the district did not have
 * @n_properties_added: properties created for UPRNs the register did not have
 * @n_properties_located: properties given the file's coordinates
 * @n_properties_elsewhere: properties the register has in another polling district than the
 *   file says; the register's district is kept, and the file's station followed
 * @n_places_added: polling places created
 * @n_places_updated: polling places whose details the file changed
 * @n_stations_added: polling stations created
 * @n_stations_updated: polling stations whose code or place the file changed
 * @n_rules_added: whole-district and street rules added (station_coverage)
 * @n_rules_removed: rules the file no longer gives, removed
 * @n_overrides_added: single properties sent to another station (station_override)
 * @n_overrides_removed: such exceptions the file no longer gives, removed
 * @n_ops: the changes written (or, with @dry_run, that would be)
 *
 * What an import of station files did, or would do.
 */
typedef struct
{
  EdStationFiles *files;
  gboolean        dry_run;
  guint           n_districts_added;
  guint           n_properties_added;
  guint           n_properties_located;
  guint           n_properties_elsewhere;
  guint           n_places_added;
  guint           n_places_updated;
  guint           n_stations_added;
  guint           n_stations_updated;
  guint           n_rules_added;
  guint           n_rules_removed;
  guint           n_overrides_added;
  guint           n_overrides_removed;
  guint           n_ops;
} EdStationsImportReport;

void                    ed_stations_import_report_free      (EdStationsImportReport  *report);
gboolean                ed_stations_import_report_write_csv (EdStationsImportReport  *report,
                                                             GFile                   *file,
                                                             GError                 **error);
EdStationsImportReport *ed_stations_import                  (EdContext               *context,
                                                             const char * const      *paths,
                                                             gboolean                 dry_run,
                                                             EdProgressFunc           progress,
                                                             gpointer                 progress_data,
                                                             GCancellable            *cancellable,
                                                             GError                 **error);
EdJob                  *ed_stations_import_async            (EdContext               *context,
                                                             const char * const      *paths,
                                                             gboolean                 dry_run,
                                                             GCancellable            *cancellable,
                                                             GAsyncReadyCallback      callback,
                                                             gpointer                 user_data);
EdStationsImportReport *ed_stations_import_finish           (EdJob                   *job,
                                                             GAsyncResult            *result,
                                                             GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStationsImportReport, ed_stations_import_report_free)

G_END_DECLS
