/* ed-station-register-document.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/ed-job.h"
#include "elections/ed-election.h"

G_BEGIN_DECLS

/**
 * EdStationRegisterFlags:
 * @ED_STATION_REGISTER_FLAGS_NONE: only on or after the final interim notice's day
 * @ED_STATION_REGISTER_FLAGS_BEFORE_FINAL: a person confirmed printing them before the final
 *   interim notice, knowing the notice may still change them (DOMAIN.md §1.4)
 */
typedef enum
{
  ED_STATION_REGISTER_FLAGS_NONE = 0,
  ED_STATION_REGISTER_FLAGS_BEFORE_FINAL = 1 << 0,
} EdStationRegisterFlags;

/**
 * EdStationRegisterFile:
 * @station_code: the station's code
 * @path: the PDF written
 * @n_electors: the electors in its register copy
 * @n_pages: its pages
 */
typedef struct
{
  char  *station_code;
  char  *path;
  guint  n_electors;
  guint  n_pages;
} EdStationRegisterFile;

/**
 * EdStationRegisters:
 * @files: (element-type EdStationRegisterFile): one per station with electors, by code
 * @n_without_station: electors who may vote but whose address has no station, in no file
 */
typedef struct
{
  GPtrArray *files;
  guint      n_without_station;
} EdStationRegisters;

char               *ed_station_register_file_name    (const char              *station_code);
EdStationRegisters *ed_station_registers_write       (EdContext               *context,
                                                      EdElection              *election,
                                                      const char              *out_dir,
                                                      EdStationRegisterFlags   flags,
                                                      EdProgressFunc           progress,
                                                      gpointer                 progress_data,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);
EdJob              *ed_station_registers_write_async (EdContext               *context,
                                                      const char              *election_id,
                                                      const char              *out_dir,
                                                      EdStationRegisterFlags   flags,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
EdStationRegisters *ed_station_registers_write_finish (EdJob                  *job,
                                                       GAsyncResult           *result,
                                                       GError                **error);
void                ed_station_registers_free        (EdStationRegisters      *registers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdStationRegisters, ed_station_registers_free)

G_END_DECLS
