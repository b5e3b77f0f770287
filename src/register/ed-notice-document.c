/* ed-notice-document.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A notice of alteration as printed (DOMAIN.md §1.4): one section per polling district, each
 * with its additions, deletions and amendments. What may be printed about each entry was
 * settled when the notice was prepared (ed-register-notice.c): anonymous entries are a number
 * and N, Other electors have no address, and nothing about an elector under 16 is there. */

#define G_LOG_DOMAIN "ed-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "register/ed-notice-document.h"

/**
 * ed_notice_document_new:
 * @notice: a notice of alteration
 *
 * Lays the notice out as an A4 document: the council in the running header, the title
 * “Notice of alteration” with the publication date under it, the council, the statutory
 * reference and the Electoral Registration Officer's name and address, a level-1 heading for each
 * polling district and a level-2 heading for each of its lists, whose rows are the elector
 * number, name, address, franchise marker and what changed.
 *
 * Returns: (transfer full): the document
 */
EdDocument *
ed_notice_document_new (EdNotice *notice)
{
  const char *headings[] = {
    _("Number"), _("Name"), _("Address"), _("Marker"), _("Details"),
  };
  static const double widths[] = { 0.11, 0.23, 0.33, 0.10, 0.23 };
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  EdDocument *document;

  g_return_val_if_fail (notice != NULL, NULL);

  document = ed_document_new (notice->council, _("Register of electors"),
                              _("Notice of alteration"));
  when = ed_notice_format_date (&notice->publication);
  subtitle = g_strdup_printf (_("Published %s"), when);
  ed_document_set_subtitle (document, subtitle);

  /* The heading of the statutory notice: the council, the provision it is published
   * under, and the Electoral Registration Officer who publishes it, with their address. */
  if (notice->council != NULL && notice->council[0] != '\0')
    ed_document_add_paragraph (document, notice->council);
  if (notice->statutory_reference != NULL && notice->statutory_reference[0] != '\0')
    {
      g_autofree char *reference = g_strdup_printf (_("Published under the %s."),
                                                    notice->statutory_reference);

      ed_document_add_paragraph (document, reference);
    }
  if (notice->ero_name != NULL && notice->ero_name[0] != '\0')
    {
      g_autofree char *officer = NULL;

      if (notice->ero_address != NULL && notice->ero_address[0] != '\0')
        officer = g_strdup_printf (_("Electoral Registration Officer: %s, %s"),
                                   notice->ero_name, notice->ero_address);
      else
        officer = g_strdup_printf (_("Electoral Registration Officer: %s"), notice->ero_name);
      ed_document_add_paragraph (document, officer);
    }

  if (notice->districts->len == 0)
    ed_document_add_paragraph (document, _("There are no alterations to the register."));

  for (guint d = 0; d < notice->districts->len; d++)
    {
      EdNoticeDistrict *district = g_ptr_array_index (notice->districts, d);
      g_autofree char *heading = NULL;

      if (district->name[0] != '\0')
        heading = g_strdup_printf (_("Polling district %s: %s"), district->code, district->name);
      else
        heading = g_strdup_printf (_("Polling district %s"), district->code);
      ed_document_add_heading (document, 1, heading);

      for (guint k = 0; k < ED_N_ALTERATION_KINDS; k++)
        {
          GPtrArray *entries = district->entries[k];

          if (entries->len == 0)
            continue;
          ed_document_add_heading (document, 2, ed_alteration_kind_get_heading (k));
          ed_document_set_columns (document, headings, widths, G_N_ELEMENTS (headings));
          for (guint i = 0; i < entries->len; i++)
            {
              EdNoticeEntry *entry = g_ptr_array_index (entries, i);
              const char *cells[] = {
                entry->number, entry->name, entry->address, entry->marker, entry->detail,
              };

              ed_document_add_row (document, cells);
            }
        }
    }

  return document;
}

/**
 * ed_notice_document_write_pdf:
 * @notice: a notice of alteration
 * @path: the PDF file to write
 * @error: return location for an error
 *
 * Returns: %TRUE if the notice was written to @path as PDF
 */
gboolean
ed_notice_document_write_pdf (EdNotice    *notice,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(EdDocument) document = NULL;

  g_return_val_if_fail (notice != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  document = ed_notice_document_new (notice);
  return ed_document_write_pdf (document, path, error);
}
