/* ed-register-revise.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The revised register (DOMAIN.md §1.1, §1.4): once a year, by 1 December, every part of the
 * register is numbered afresh in street order, then Other electors, then anonymous entries,
 * and suffixes go (`124/1` becomes a number of its own). It publishes every change determined
 * by the day before, as a notice would, and all of it is one change set.
 *
 * At a million electors the order cannot call the statutory comparators for every pair of
 * entries: each call folds both strings afresh. The distinct streets and the distinct
 * property texts are few (thousands), so they are sorted once with the comparators of
 * ed-register-order.c and each entry compares by their ranks; since those comparators are
 * total orders, ranks give exactly the order they define. Names are compared directly, where
 * only they decide: among Other electors, and between entries at the same address with the
 * same number. */

#define G_LOG_DOMAIN "ed-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "changes/ed-change-set.h"
#include "core/ed-database.h"
#include "core/ed-date.h"
#include "register/ed-notice-timetable.h"
#include "register/ed-register-notice-private.h"
#include "register/ed-register-export-private.h"
#include "register/ed-register-order.h"
#include "register/ed-register-revise-files.h"
#include "register/ed-register-revise.h"
#include "register/ed-register-vocab.h"

#define CHECK_CANCEL_EVERY 2000

typedef struct
{
  const char *id;
  const char *code;        /* the part: the polling district's code */
  const char *old_prefix;
  const char *street;
  const char *property;
  const char *surname;
  const char *forenames;
  guint32     old_number;
  guint32     old_suffix;
  guint32     street_rank;
  guint32     property_rank;
  guint8      section;     /* EdRegisterSection */
  guint8      pending;     /* a pending addition left for the next notice */
} Entry;

static const char entries_sql[] =
  "SELECT e.id, coalesce (d.code, e.number_prefix), e.number_prefix, e.number, "
  "  e.number_suffix, e.status = ?1, e.anonymous, "
  "  p.id IS NOT NULL AND NOT e.other_elector, coalesce (p.street, ''), "
  "  coalesce (p.property, ''), e.surname, e.forenames "
  "FROM elector AS e "
  "LEFT JOIN polling_district AS d ON d.id = e.polling_district "
  "LEFT JOIN property AS p ON p.id = e.property";

enum
{
  E_ID, E_PART, E_PREFIX, E_NUMBER, E_SUFFIX, E_PENDING, E_ANONYMOUS, E_HAS_ADDRESS, E_STREET,
  E_PROPERTY, E_SURNAME, E_FORENAMES,
};

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static int
number_compare (const Entry *a,
                const Entry *b)
{
  /* As ed_register_entry_compare(): a number not given yet (0) after every given one. */
  if ((a->old_number == 0) != (b->old_number == 0))
    return a->old_number == 0 ? 1 : -1;
  if (a->old_number != b->old_number)
    return a->old_number < b->old_number ? -1 : 1;
  if (a->old_suffix != b->old_suffix)
    return a->old_suffix < b->old_suffix ? -1 : 1;
  return 0;
}

/* ed_register_entry_compare() with ranks for streets and properties; see the top of the file.
 * Pending additions left for the next notice are not in this register, so they come after
 * it; and the row id breaks the last ties so that every desk numbers alike. */
static int
entry_compare (gconstpointer pa,
               gconstpointer pb)
{
  const Entry *a = *(const Entry **)pa;
  const Entry *b = *(const Entry **)pb;
  int cmp;

  if ((cmp = strcmp (a->code, b->code)) != 0)
    return cmp;
  if (a->pending != b->pending)
    return a->pending ? 1 : -1;
  if (a->section != b->section)
    return a->section < b->section ? -1 : 1;

  switch (a->section)
    {
    case ED_REGISTER_SECTION_STREET:
      if (a->street_rank != b->street_rank)
        return a->street_rank < b->street_rank ? -1 : 1;
      if (a->property_rank != b->property_rank)
        return a->property_rank < b->property_rank ? -1 : 1;
      if ((cmp = number_compare (a, b)) != 0)
        return cmp;
      cmp = ed_register_name_compare (a->surname, a->forenames, b->surname, b->forenames);
      break;

    case ED_REGISTER_SECTION_OTHER:
      cmp = ed_register_name_compare (a->surname, a->forenames, b->surname, b->forenames);
      if (cmp == 0)
        cmp = number_compare (a, b);
      break;

    case ED_REGISTER_SECTION_ANONYMOUS:
    default:
      cmp = number_compare (a, b);
      break;
    }

  return cmp != 0 ? cmp : strcmp (a->id, b->id);
}

typedef int (*TextCompareFunc) (const char *a,
                                const char *b);

static int
compare_texts_by (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  TextCompareFunc compare = user_data;

  return compare (*(const char **)a, *(const char **)b);
}

/* Each distinct text's place in @compare's order. The texts are interned, so equal texts are
 * the same pointer. */
static GHashTable *
rank_texts (GHashTable      *texts,
            TextCompareFunc  compare)
{
  guint n = 0;
  g_autofree gpointer *sorted = g_hash_table_get_keys_as_array (texts, &n);
  GHashTable *ranks = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_qsort_with_data (sorted, n, sizeof (gpointer), compare_texts_by, compare);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (ranks, sorted[i], GUINT_TO_POINTER (i));
  return ranks;
}

typedef struct
{
  GStringChunk *strings;
  GArray       *entries;     /* Entry */
} Register;

static gboolean
load_entries (EdContext  *context,
              Register   *reg,
              GError    **error)
{
  EdDatabase *database = ed_context_get_database (context);
  g_autoptr(sqlite3_stmt) stmt = ed_database_prepare (database, entries_sql, error);
  g_autoptr(GHashTable) streets = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) properties = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) street_ranks = NULL;
  g_autoptr(GHashTable) property_ranks = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ed_elector_status_to_string (ED_ELECTOR_STATUS_PENDING_ADDITION),
                     -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Entry entry = { 0 };
      gboolean anonymous = sqlite3_column_int (stmt, E_ANONYMOUS) != 0;
      gboolean has_address = sqlite3_column_int (stmt, E_HAS_ADDRESS) != 0;

      entry.id = g_string_chunk_insert (reg->strings, column_text (stmt, E_ID));
      entry.code = g_string_chunk_insert_const (reg->strings, column_text (stmt, E_PART));
      entry.old_prefix = g_string_chunk_insert_const (reg->strings, column_text (stmt, E_PREFIX));
      entry.old_number = (guint32)sqlite3_column_int64 (stmt, E_NUMBER);
      entry.old_suffix = (guint32)sqlite3_column_int64 (stmt, E_SUFFIX);
      entry.pending = sqlite3_column_int (stmt, E_PENDING) != 0;
      entry.section = ed_register_section_for (anonymous, has_address);
      if (entry.section == ED_REGISTER_SECTION_STREET)
        {
          entry.street = g_string_chunk_insert_const (reg->strings,
                                                      column_text (stmt, E_STREET));
          entry.property = g_string_chunk_insert_const (reg->strings,
                                                        column_text (stmt, E_PROPERTY));
          g_hash_table_add (streets, (gpointer)entry.street);
          g_hash_table_add (properties, (gpointer)entry.property);
        }
      if (!anonymous)
        {
          entry.surname = g_string_chunk_insert_const (reg->strings,
                                                       column_text (stmt, E_SURNAME));
          entry.forenames = g_string_chunk_insert_const (reg->strings,
                                                         column_text (stmt, E_FORENAMES));
        }
      g_array_append_val (reg->entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      ed_database_set_error (database, rc, error);
      return FALSE;
    }

  street_ranks = rank_texts (streets, ed_register_street_compare);
  property_ranks = rank_texts (properties, ed_register_property_compare);
  for (guint i = 0; i < reg->entries->len; i++)
    {
      Entry *entry = &g_array_index (reg->entries, Entry, i);

      if (entry->section != ED_REGISTER_SECTION_STREET)
        continue;
      entry->street_rank = GPOINTER_TO_UINT (g_hash_table_lookup (street_ranks, entry->street));
      entry->property_rank = GPOINTER_TO_UINT (g_hash_table_lookup (property_ranks,
                                                                    entry->property));
    }
  return TRUE;
}

/* The fields renumbering writes, in the order their ops are recorded. */
enum
{
  FIELD_PREFIX,
  FIELD_NUMBER,
  FIELD_SUFFIX,
};

static const char *const number_fields[] = { "number_prefix", "number", "number_suffix" };

/* Numbers each part from 1 in the order of @sorted, suffixes cleared (DOMAIN.md §1.1:
 * resequencing happens only at the revised register). Only the fields that change are
 * written, so an unchanged entry costs no operation. A bulk update records the same ops as
 * ed_change_set_set() would, several times faster: every entry of a million may move. */
static gboolean
renumber (EdChangeSet           *change_set,
          GPtrArray             *sorted,
          EdReviseProgressFunc   progress,
          gpointer               progress_data,
          GCancellable          *cancellable,
          EdReviseSummary       *summary,
          GError               **error)
{
  g_autoptr(EdBulkUpdate) bulk = NULL;
  const char *part = NULL;
  guint32 next = 0;

  bulk = ed_change_set_bulk_update (change_set, "elector", number_fields,
                                    G_N_ELEMENTS (number_fields), error);
  if (bulk == NULL)
    return FALSE;

  for (guint i = 0; i < sorted->len; i++)
    {
      const Entry *entry = g_ptr_array_index (sorted, i);
      gboolean changed = FALSE;

      if (i % CHECK_CANCEL_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (0.2 + 0.8 * i / sorted->len, _("Numbering the register"), progress_data);
        }

      if (part == NULL || strcmp (part, entry->code) != 0)
        {
          part = entry->code;
          next = 0;
          summary->n_parts++;
        }
      next++;

      if (entry->pending)
        summary->n_left_pending++;
      else
        summary->n_electors++;

      if (strcmp (entry->old_prefix, entry->code) != 0)
        {
          ed_bulk_update_set_text (bulk, FIELD_PREFIX, entry->code);
          changed = TRUE;
        }
      if (entry->old_number != next)
        {
          ed_bulk_update_set_int64 (bulk, FIELD_NUMBER, next);
          changed = TRUE;
        }
      if (entry->old_suffix != 0)
        {
          ed_bulk_update_set_int64 (bulk, FIELD_SUFFIX, 0);
          changed = TRUE;
        }
      if (changed && !ed_bulk_update_apply (bulk, entry->id, NULL, error))
        return FALSE;
      summary->n_renumbered += changed;
    }
  return TRUE;
}

/**
 * ed_register_revise:
 * @context: the district
 * @publication: the day the revised register is published: by 1 December, or 1 February
 *   after an election during the canvass; it may be a weekend (DOMAIN.md §1.4)
 * @progress: (nullable): told how far the work has got
 * @progress_data: for @progress
 * @cancellable: (nullable): cancels, leaving the district as it was
 * @out_summary: (out) (optional): what was done
 * @error: return location for an error
 *
 * Publishes the revised register (DOMAIN.md §1.1, §1.4), in one change set:
 *
 * - every change determined by the day before @publication that no notice has published is
 *   published with it, as a notice would: stamped with a register_notice of kind `revised`,
 *   pending additions made current, pending deletions removed;
 * - every part (polling district) is numbered from 1 in the statutory order (street order,
 *   then Other electors alphabetically, then anonymous entries; ed_register_entry_compare())
 *   and every suffix is cleared.
 *
 * A pending addition determined after the cut-off is not in this register: it stays pending
 * for the next notice, numbered after the last entry of its part so that no number is used
 * twice. A revised register already published on @publication, or any notice published
 * after it, is refused.
 *
 * Returns: %TRUE if the revised register was recorded
 */
gboolean
ed_register_revise (EdContext             *context,
                    const GDate           *publication,
                    EdReviseProgressFunc   progress,
                    gpointer               progress_data,
                    GCancellable          *cancellable,
                    EdReviseSummary       *out_summary,
                    GError               **error)
{
  g_autoptr(EdCalendar) calendar = NULL;
  g_autoptr(EdChangeSet) change_set = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autofree char *notice_id = NULL;
  EdReviseSummary summary = { 0 };
  EdNoticeResolution resolution;
  EdNoticeDates dates;
  Register reg = { 0 };
  gboolean ok = FALSE;
  gint64 started = g_get_monotonic_time ();

  g_return_val_if_fail (ED_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (publication != NULL && g_date_valid (publication), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  calendar = _ed_register_calendar (context, error);
  if (calendar == NULL ||
      !ed_notice_timetable_revised_register (calendar, publication, &dates, error) ||
      !_ed_register_notice_check_order (context, publication, error))
    return FALSE;

  change_set = ed_change_set_begin (ED_REPLICA (context), error);
  if (change_set == NULL)
    return FALSE;

  if (progress != NULL)
    progress (0.0, _("Publishing the changes determined"), progress_data);
  notice_id = _ed_register_notice_insert (change_set, ED_NOTICE_KIND_REVISED, publication,
                                          error);
  if (notice_id == NULL ||
      !_ed_register_notice_resolve (change_set, context, &dates.determination, NULL,
                                    notice_id, NULL, &resolution, error))
    return FALSE;
  summary.n_alterations = resolution.n_alterations;
  summary.n_added = resolution.n_added;
  summary.n_deleted = resolution.n_deleted;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress != NULL)
    progress (0.1, _("Putting the register in street order"), progress_data);

  reg.strings = g_string_chunk_new (1 << 20);
  reg.entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  if (!load_entries (context, &reg, error))
    goto out;

  sorted = g_ptr_array_sized_new (reg.entries->len);
  for (guint i = 0; i < reg.entries->len; i++)
    g_ptr_array_add (sorted, &g_array_index (reg.entries, Entry, i));
  g_ptr_array_sort (sorted, entry_compare);
  g_debug ("Revised register: %u entries loaded and sorted in %.1f s", sorted->len,
           (g_get_monotonic_time () - started) / 1e6);

  if (!renumber (change_set, sorted, progress, progress_data, cancellable, &summary, error))
    goto out;

  g_debug ("Revised register: %u renumbered in %.1f s", summary.n_renumbered,
           (g_get_monotonic_time () - started) / 1e6);
  if (progress != NULL)
    progress (1.0, _("Saving"), progress_data);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !ed_change_set_commit (change_set, error))
    goto out;

  g_debug ("Revised register: committed in %.1f s", (g_get_monotonic_time () - started) / 1e6);
  if (out_summary != NULL)
    *out_summary = summary;
  ok = TRUE;

out:
  g_clear_pointer (&sorted, g_ptr_array_unref);
  g_array_unref (reg.entries);
  g_string_chunk_free (reg.strings);
  return ok;
}

/* ---- with its files, as a job ----------------------------------------------------------- */

/* The revision's share of the progress; the four files share the rest. */
#define REVISE_SHARE 0.7

typedef struct
{
  GDate            publication;
  char            *folder;
  EdReviseSummary  summary;
  GPtrArray       *files;
  GError          *files_error;
} ReviseJob;

static void
revise_job_free (gpointer data)
{
  ReviseJob *job = data;

  g_free (job->folder);
  g_ptr_array_unref (job->files);
  g_clear_error (&job->files_error);
  g_free (job);
}

static gboolean
revise_work (EdJob         *job,
             GObject       *connection,
             gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  ReviseJob *data = task_data;
  EdContext *context = ED_CONTEXT (connection);
  EdRegisterProgress revising = { ed_job_progress, job, 0.0, REVISE_SHARE, NULL };
  EdRegisterProgress saving = { ed_job_progress, job, REVISE_SHARE, 1.0, NULL };

  if (!ed_register_revise (context, &data->publication, _ed_register_progress_cb, &revising,
                           cancellable, &data->summary, error))
    return FALSE;

  /* Past the point of no return: a cancel from now on only stops the files, which can be
   * printed or exported again from the register page. */
  ed_job_report_committed (job);
  ed_register_revise_write_files (context, &data->publication, data->folder,
                                  _ed_register_progress_cb, &saving, cancellable, data->files,
                                  &data->files_error);
  return TRUE;
}

/**
 * ed_register_revise_async:
 * @context: the district
 * @publication: the day the revised register is published
 * @folder: where to write its files (ed_register_revise_write_files())
 * @cancellable: (nullable): to stop: before the revision is committed, leaving the district
 *   as it was; after, leaving the files not yet written
 * @callback: called when it is done, with the job as its source object
 * @user_data: data for @callback
 *
 * Publishes the revised register (ed_register_revise()) and then writes its full and open
 * editions as PDF and CSV, in a job with progress. #EdJob:committed turns %TRUE once the
 * revision is in.
 *
 * Returns: (transfer none): the job, for its progress; it lives until @callback has run
 */
EdJob *
ed_register_revise_async (EdContext            *context,
                          const GDate          *publication,
                          const char           *folder,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  ReviseJob *data;

  g_return_val_if_fail (ED_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (publication != NULL && g_date_valid (publication), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  data = g_new0 (ReviseJob, 1);
  data->publication = *publication;
  data->folder = g_strdup (folder);
  data->files = g_ptr_array_new_with_free_func (g_free);
  return ed_context_run_job_async (context, revise_work, data, revise_job_free, cancellable,
                                   callback, user_data);
}

/**
 * ed_register_revise_finish:
 * @job: the job ed_register_revise_async() returned
 * @result: the result handed to the callback
 * @out_summary: (out) (optional): what the revision did
 * @out_files: (out) (optional) (transfer full) (element-type filename): the files written
 * @out_files_error: (out) (optional) (transfer full): why not every file was written, or
 *   %NULL when all were; %G_IO_ERROR_CANCELLED when a cancel stopped them
 * @error: return location for an error; %G_IO_ERROR_CANCELLED if the revision was stopped
 *
 * Returns: %TRUE if the revised register was published, whether or not every file was
 *   written
 */
gboolean
ed_register_revise_finish (EdJob             *job,
                           GAsyncResult      *result,
                           EdReviseSummary   *out_summary,
                           GPtrArray        **out_files,
                           GError           **out_files_error,
                           GError           **error)
{
  ReviseJob *data;

  g_return_val_if_fail (ED_IS_JOB (job), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, revise_work), FALSE);

  if (!ed_job_run_finish (job, result, error))
    return FALSE;
  data = ed_job_get_task_data (job);
  if (out_summary != NULL)
    *out_summary = data->summary;
  if (out_files != NULL)
    *out_files = g_ptr_array_ref (data->files);
  if (out_files_error != NULL)
    *out_files_error = g_steal_pointer (&data->files_error);
  return TRUE;
}
