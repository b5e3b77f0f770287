/* ed-account-figures.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the Accounts page's views share: an amount shown as a figure in a table (set against
 * the column's end in tabular digits, so that pence line up, and named whole for a screen
 * reader, which reads a cell apart from its row and its heading); an amount read from what a
 * person typed; and the words for the polls of an account. */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/accounts/ed-account-figures.h"

/**
 * ed_account_amount_label_new:
 *
 * Returns: (transfer floating): a label for an amount in a table of figures
 */
GtkWidget *
ed_account_amount_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_halign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

/**
 * ed_account_amount_label_set:
 * @label: a label from ed_account_amount_label_new()
 * @amount: in pence
 * @name: (nullable): what a screen reader says for it: the row and the column with the
 *   amount ("Ballot papers, spent: £1,200.00"); %NULL for the amount alone
 */
void
ed_account_amount_label_set (GtkWidget  *label,
                             EdMoney     amount,
                             const char *name)
{
  g_autofree char *text = ed_money_format (amount);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

/**
 * ed_account_parse_amount:
 * @text: what was typed: "£1,234.56" or "1234.56"
 * @empty_is_nothing: whether nothing typed is £0.00 rather than missing
 * @out: (out): the amount in pence
 * @error: return location for what is wrong with it
 *
 * Returns: %TRUE if @text is an amount (ed_money_parse ())
 */
gboolean
ed_account_parse_amount (const char  *text,
                         gboolean     empty_is_nothing,
                         EdMoney     *out,
                         GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed == '\0')
    {
      if (empty_is_nothing)
        {
          *out = 0;
          return TRUE;
        }
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Give an amount, such as £1,234.56"));
      return FALSE;
    }
  return ed_money_parse (trimmed, out, error);
}

/**
 * ed_account_format_estimate:
 * @amount: a figure a person typed, in pence
 *
 * Returns: (transfer full): the figure as its entry shows it: "" for nothing, so that the
 *   entry's hint shows instead and the heads with a figure stand out
 */
char *
ed_account_format_estimate (EdMoney amount)
{
  return amount == 0 ? g_strdup ("") : ed_money_format (amount);
}

/**
 * ed_account_set_style:
 * @widget: a label or a cell
 * @style: (nullable): "error", "warning", "accent", "success" or "dim-label", or %NULL for none
 *
 * Gives @widget one of the styles a figure may have, and takes the others away.
 */
void
ed_account_set_style (GtkWidget  *widget,
                      const char *style)
{
  static const char * const styles[] = { "error", "warning", "accent", "success", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    if (g_strcmp0 (styles[i], style) != 0)
      gtk_widget_remove_css_class (widget, styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (widget, style);
}

/**
 * ed_account_poll_title:
 * @poll: a poll of an account
 *
 * Returns: (transfer none): the body it elects, as the cards name it
 */
const char *
ed_account_poll_title (const EdAccountPoll *poll)
{
  return poll->election->title;
}

/**
 * ed_account_describe_polls:
 * @account: an account
 *
 * Returns: (transfer full): the polls an account of combined polls is for, or "" for a
 *   poll on its own
 */
char *
ed_account_describe_polls (const EdAccount *account)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  if (account->polls->len < 2)
    return g_strdup ("");
  for (guint p = 0; p < account->polls->len; p++)
    {
      if (p > 0)
        /* Translators: between the names of polls in a list */
        g_string_append (titles, C_("list", ", "));
      g_string_append (titles, ed_account_poll_title (g_ptr_array_index (account->polls, p)));
    }
  /* Translators: %u is how many polls are taken together (always more than one), %s their
   * names */
  return g_strdup_printf (ngettext ("One account for %u combined polls: %s",
                                    "One account for %u combined polls: %s",
                                    account->polls->len),
                          account->polls->len, titles->str);
}

/**
 * ed_account_poll_has_fee_scale:
 * @poll: a poll of an account
 *
 * Returns: whether the council sets a scale for its returning officer's fee: a district's,
 *   a Scottish council's or a parish's poll (RPA 1983 s.36(4) and (5), DOMAIN.md §5.3)
 */
gboolean
ed_account_poll_has_fee_scale (const EdAccountPoll *poll)
{
  switch (poll->election->kind)
    {
    case ED_ELECTION_LOCAL:
    case ED_ELECTION_PARISH:
    case ED_ELECTION_SCOTTISH_LOCAL:
      return TRUE;
    case ED_ELECTION_UK_PARLIAMENTARY_GENERAL:
    case ED_ELECTION_UK_PARLIAMENTARY_BY:
    case ED_ELECTION_PCC:
    case ED_ELECTION_MAYORAL:
    case ED_ELECTION_SENEDD:
    case ED_ELECTION_REFERENDUM:
    case ED_N_ELECTION_KINDS:
    default:
      return FALSE;
    }
}

/**
 * ed_account_toast:
 * @widget: a widget of the page
 * @text: what went well, or what went wrong that needs no decision
 */
void
ed_account_toast (GtkWidget  *widget,
                  const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  /* A toast's title is markup in libadwaita 1.2, and a supplier may be "Smith & Sons". */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
  else
    g_debug ("%s", text);
}

/**
 * ed_account_parent_window:
 * @widget: a widget of the page
 *
 * Returns: (transfer none) (nullable): the window it is in, for a dialog to belong to
 */
GtkWindow *
ed_account_parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}
