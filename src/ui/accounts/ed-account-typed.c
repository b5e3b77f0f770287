/* ed-account-typed.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A figure typed into one of the Claim view's forms (the maximum recoverable amounts, a
 * local poll's fee scale). Each row remembers what it last showed as saved, so that the
 * account read again (after a save elsewhere, or a sync) replaces what it shows but not what
 * the person has typed there and not yet saved; and what is typed is read as an amount, with
 * what is wrong with it said under the row. */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/accounts/ed-account-figures.h"
#include "ui/accounts/ed-account-typed.h"
#include "ui/widgets/ed-validated-entry-row.h"

#define SHOWN_KEY "ed-shown"

/**
 * ed_account_typed_show:
 * @row: an entry row of a form
 * @text: what the district holds
 * @force: whether to replace what the person typed too, as for another account
 *
 * Shows @text in @row unless the person has typed something else there that is not saved.
 */
void
ed_account_typed_show (GtkWidget  *row,
                       const char *text,
                       gboolean    force)
{
  const char *shown = g_object_get_data (G_OBJECT (row), SHOWN_KEY);

  if (force || g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (row))) == 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      if (ED_IS_VALIDATED_ENTRY_ROW (row))
        ed_validated_entry_row_set_error (ED_VALIDATED_ENTRY_ROW (row), NULL);
    }
  g_object_set_data_full (G_OBJECT (row), SHOWN_KEY, g_strdup (text), g_free);
}

/**
 * ed_account_typed_show_amount:
 * @row: an entry row of a form
 * @known: whether the district holds the amount; nothing is shown when not
 * @amount: in pence
 * @force: as for ed_account_typed_show()
 *
 * Shows @amount as money ("£60,000.00") as ed_account_typed_show() shows text.
 */
void
ed_account_typed_show_amount (GtkWidget *row,
                              gboolean   known,
                              EdMoney    amount,
                              gboolean   force)
{
  g_autofree char *text = known ? ed_money_format (amount) : g_strdup ("");

  ed_account_typed_show (row, text, force);
}

/**
 * ed_account_typed_read_amount:
 * @row: an #EdValidatedEntryRow
 * @empty_is_nothing: whether nothing typed is £0.00 rather than missing
 * @out: (out): the amount in pence
 *
 * Reads the amount typed in @row. What is wrong is said under the row once something is
 * typed.
 *
 * Returns: %TRUE if @row holds an amount of nothing or more
 */
gboolean
ed_account_typed_read_amount (GtkWidget *row,
                              gboolean   empty_is_nothing,
                              EdMoney   *out)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (!ed_account_parse_amount (text, empty_is_nothing, out, &error))
    {
      ed_validated_entry_row_set_error (ED_VALIDATED_ENTRY_ROW (row),
                                        *text != '\0' ? error->message : NULL);
      return FALSE;
    }
  if (*out < 0)
    {
      ed_validated_entry_row_set_error (ED_VALIDATED_ENTRY_ROW (row),
                                        _("An amount here cannot be less than nothing"));
      return FALSE;
    }
  ed_validated_entry_row_set_error (ED_VALIDATED_ENTRY_ROW (row), NULL);
  return TRUE;
}

/**
 * ed_account_typed_differs:
 * @row: an entry row of a form
 *
 * Returns: %TRUE if the person has typed in @row something other than what it last showed
 */
gboolean
ed_account_typed_differs (GtkWidget *row)
{
  return g_strcmp0 (g_object_get_data (G_OBJECT (row), SHOWN_KEY),
                    gtk_editable_get_text (GTK_EDITABLE (row))) != 0;
}
