/* ed-register-export-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/ed-job.h"
#include "register/ed-register-export.h"
#include "register/ed-register-order.h"

G_BEGIN_DECLS

/* The fields of one entry as the walk hands them over, in the order of the full edition's
 * columns (README.md), each as text ("" when empty; flags "0" or "1"). */
typedef enum
{
  _ED_REGISTER_FIELD_DISTRICT,
  _ED_REGISTER_FIELD_DISTRICT_NAME,
  _ED_REGISTER_FIELD_AREA,
  _ED_REGISTER_FIELD_AREA_NAME,
  _ED_REGISTER_FIELD_AREA_KIND,
  _ED_REGISTER_FIELD_AREA_SEATS,
  _ED_REGISTER_FIELD_PARISH,
  _ED_REGISTER_FIELD_PARISH_NAME,
  _ED_REGISTER_FIELD_CONSTITUENCY,
  _ED_REGISTER_FIELD_PREFIX,
  _ED_REGISTER_FIELD_NUMBER,
  _ED_REGISTER_FIELD_SUFFIX,
  _ED_REGISTER_FIELD_TITLE,
  _ED_REGISTER_FIELD_FORENAMES,
  _ED_REGISTER_FIELD_SURNAME,
  _ED_REGISTER_FIELD_MARKER,
  _ED_REGISTER_FIELD_ATTAINER,
  _ED_REGISTER_FIELD_DATE_OF_BIRTH,
  _ED_REGISTER_FIELD_OPT_OUT,
  _ED_REGISTER_FIELD_ABSENT_VOTE,
  _ED_REGISTER_FIELD_ABSENT_VOTE_ENDS,
  _ED_REGISTER_FIELD_PROXY_NAME,
  _ED_REGISTER_FIELD_PROXY_ADDRESS,
  _ED_REGISTER_FIELD_ANONYMOUS,
  _ED_REGISTER_FIELD_OTHER_ELECTOR,
  _ED_REGISTER_FIELD_LANGUAGE,
  _ED_REGISTER_FIELD_STATUS,
  _ED_REGISTER_FIELD_UPRN,
  _ED_REGISTER_FIELD_PROPERTY,
  _ED_REGISTER_FIELD_STREET,
  _ED_REGISTER_FIELD_LOCALITY,
  _ED_REGISTER_FIELD_TOWN,
  _ED_REGISTER_FIELD_AREA_NAME_OF_ADDRESS,
  _ED_REGISTER_FIELD_POSTCODE,
  _ED_REGISTER_N_FIELDS,
} EdRegisterField;

/**
 * EdRegisterSelection:
 * @_ED_REGISTER_SELECT_ALL: every entry (the full edition as data, for moving a register)
 * @_ED_REGISTER_SELECT_PUBLISHED: every entry that may be published: no under-16s
 *   (ed_published_register_includes())
 * @_ED_REGISTER_SELECT_OPEN: the open register (ed_open_register_includes())
 */
typedef enum
{
  _ED_REGISTER_SELECT_ALL,
  _ED_REGISTER_SELECT_PUBLISHED,
  _ED_REGISTER_SELECT_OPEN,
} EdRegisterSelection;

/**
 * EdRegisterCsvForm:
 * @_ED_REGISTER_CSV_ALL_FIELDS: every field of every entry, for moving a register between
 *   systems; never a supply or a publication
 * @_ED_REGISTER_CSV_PUBLISHED: the full register as published, printed and supplied
 *   (DOMAIN.md §1.3)
 * @_ED_REGISTER_CSV_OPEN: the open (edited) register
 */
typedef enum
{
  _ED_REGISTER_CSV_ALL_FIELDS,
  _ED_REGISTER_CSV_PUBLISHED,
  _ED_REGISTER_CSV_OPEN,
} EdRegisterCsvForm;

/**
 * EdRegisterProgress:
 * @func: (nullable): where reports go
 * @data: data for @func
 * @from: where on the whole work's scale this part starts, from 0 to 1
 * @to: where it ends
 * @text: (nullable): what the part is doing; %NULL to pass on the text it reports
 *
 * A part of a longer piece of work (a file of the revised register, say), reporting its own
 * fraction on the whole's scale.
 */
typedef struct
{
  EdProgressFunc  func;
  gpointer        data;
  double          from;
  double          to;
  const char     *text;
} EdRegisterProgress;

void     _ed_register_progress       (const EdRegisterProgress *progress,
                                      double                    fraction,
                                      const char               *text);
void     _ed_register_progress_cb    (double                    fraction,
                                      const char               *text,
                                      gpointer                  progress);

/* Called for each entry in the statutory order; fields are valid during the call only. */
typedef gboolean (*EdRegisterEntryFunc) (const char * const  *fields,
                                         EdRegisterSection    section,
                                         gpointer             user_data,
                                         GError             **error);

gboolean _ed_register_walk           (EdContext                 *context,
                                      EdRegisterSelection        selection,
                                      const GDate               *as_at,
                                      const EdRegisterProgress  *progress,
                                      GCancellable              *cancellable,
                                      EdRegisterEntryFunc        func,
                                      gpointer                   user_data,
                                      GError                   **error);
char    *_ed_register_number_text    (const char * const        *fields);
gboolean _ed_register_export_csv_full (EdContext                *context,
                                       EdRegisterEdition         edition,
                                       const GDate              *as_at,
                                       GFile                    *file,
                                       const EdRegisterProgress *progress,
                                       GCancellable             *cancellable,
                                       guint                    *out_n_entries,
                                       GError                  **error);

gboolean _ed_register_export_csv_form (EdContext                *context,
                                       EdRegisterCsvForm         form,
                                       const GDate              *as_at,
                                       GFile                    *file,
                                       const EdRegisterProgress *progress,
                                       GCancellable             *cancellable,
                                       guint                    *out_n_entries,
                                       GError                  **error);
gboolean _ed_register_count_by_register (EdContext           *context,
                                         EdRegisterSelection  selection,
                                         const GDate         *as_at,
                                         GHashTable         **out_by_register,
                                         guint64             *out_total,
                                         GError             **error);

G_END_DECLS
