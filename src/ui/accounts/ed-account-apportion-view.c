/* ed-account-apportion-view.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Accounts page's Apportionment view, for polls taken together (issue 17, item 2): what
 * each poll bears of each cost head and in all, split as the accounts module splits every
 * entry (accounts/ed-apportion.c), the rule said in words, and what the council recharges
 * its parish polls (ed_account_set_parish_recharge ()). The table is made afresh each time
 * the account is read: it has a row for each head with spending, a few dozen cells. */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/accounts/ed-account-apportion-view.h"
#include "ui/accounts/ed-account-figures.h"
#include "ui/ed-ui-resources.h"
#include "ui/widgets/ed-combo-choices.h"

struct _EdAccountApportionView
{
  AdwBin      parent_instance;

  EdContext  *context;
  char       *election_id;
  gboolean    filling;     /* the choice is being shown: not the person's */

  GtkWidget  *rule_label;
  GtkWidget  *recharge_row;
  GtkWidget  *grid;
};

G_DEFINE_FINAL_TYPE (EdAccountApportionView, ed_account_apportion_view, ADW_TYPE_BIN)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_grid (GtkWidget *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (grid)) != NULL)
    gtk_grid_remove (GTK_GRID (grid), child);
}

static GtkWidget *
heading_label (const char *text,
               float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), xalign > 0.5 ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
  /* A poll's name over a column of figures, in two or three lines rather than one wide one. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

/* A figure of the table, named whole for a screen reader: "Premises, Mill Parish Council:
 * £400.00". */
static void
attach_amount (GtkWidget  *grid,
               int         column,
               int         row,
               const char *head,
               const char *poll,
               EdMoney     amount,
               gboolean    total)
{
  GtkWidget *label = ed_account_amount_label_new ();
  g_autofree char *text = ed_money_format (amount);
  /* Translators: for a screen reader: a cost head (or "Total"), a poll, then the amount that
   * poll bears of it */
  g_autofree char *name = g_strdup_printf (C_("apportionment", "%s, %s: %s"), head, poll, text);

  ed_account_amount_label_set (label, amount, name);
  if (total)
    gtk_widget_add_css_class (label, "heading");
  if (amount == 0)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
}

static gboolean
has_parish_poll (const EdAccount *account)
{
  for (guint p = 0; p < account->polls->len; p++)
    if (((EdAccountPoll *)g_ptr_array_index (account->polls, p))->election->kind ==
        ED_ELECTION_PARISH)
      return TRUE;
  return FALSE;
}

static void
show_table (EdAccountApportionView *self,
            const EdAccount        *account)
{
  guint n_polls = account->polls->len;
  /* Translators: the row and the column of totals of a table of figures */
  const char *total_title = C_("figures", "Total");
  int row = 0;

  clear_grid (self->grid);
  gtk_grid_attach (GTK_GRID (self->grid), heading_label (_("Cost head"), 0), 0, row, 1, 1);
  for (guint p = 0; p < n_polls; p++)
    gtk_grid_attach (GTK_GRID (self->grid),
                     heading_label (ed_account_poll_title (g_ptr_array_index (account->polls, p)),
                                    1),
                     1 + p, row, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), heading_label (total_title, 1), 1 + n_polls, row, 1, 1);
  row++;

  for (EdCostHead h = 0; h < ED_N_COST_HEADS; h++)
    {
      const char *head = ed_cost_head_get_display_name (h);
      GtkWidget *label;

      if (account->spent[h] == 0)
        {
          gboolean any = FALSE;

          /* A head whose entries cancel out may still have moved money between polls. */
          for (guint p = 0; p < n_polls; p++)
            any |= ((EdAccountPoll *)g_ptr_array_index (account->polls, p))->spent[h] != 0;
          if (!any)
            continue;
        }
      label = gtk_label_new (head);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, row, 1, 1);
      for (guint p = 0; p < n_polls; p++)
        {
          EdAccountPoll *poll = g_ptr_array_index (account->polls, p);

          attach_amount (self->grid, 1 + p, row, head, ed_account_poll_title (poll),
                         poll->spent[h], FALSE);
        }
      attach_amount (self->grid, 1 + n_polls, row, head, total_title, account->spent[h], FALSE);
      row++;
    }
  if (row == 1)
    {
      GtkWidget *label = gtk_label_new (_("Nothing is spent yet, so there is nothing to split."));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, row++, 2 + n_polls, 1);
    }

  gtk_grid_attach (GTK_GRID (self->grid), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0,
                   row++, 2 + n_polls, 1);
  gtk_grid_attach (GTK_GRID (self->grid), heading_label (total_title, 0), 0, row, 1, 1);
  for (guint p = 0; p < n_polls; p++)
    {
      EdAccountPoll *poll = g_ptr_array_index (account->polls, p);

      attach_amount (self->grid, 1 + p, row, total_title, ed_account_poll_title (poll),
                     poll->total, TRUE);
    }
  attach_amount (self->grid, 1 + n_polls, row, total_title, total_title, account->total, TRUE);
}

static void
show_rule (EdAccountApportionView *self,
           const EdAccount        *account)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *first = ed_account_poll_title (g_ptr_array_index (account->polls, 0));

  /* Translators: %s is the first poll of a combination, which gets the odd pence of a split
   * (DOMAIN.md §5.2, RPA 1985 s.15(4)) */
  g_string_append_printf (text,
                          _("A cost shared by the polls is split equally between those it "
                            "serves (Representation of the People Act 1985, section 15(4)); a "
                            "cost solely for one poll is charged to that poll alone. Shares "
                            "are whole pence and add up to the cost: where it does not divide "
                            "exactly, the pence left over go one each to the polls in order, "
                            "starting with %s."),
                          first);
  if (has_parish_poll (account))
    {
      g_string_append_c (text, ' ');
      if (account->parish_recharge == ED_PARISH_RECHARGE_ADDITIONAL)
        g_string_append (text, _("Parish polls bear only the costs that are theirs alone, "
                                 "such as their ballot papers: the additional cost of holding "
                                 "them with the others."));
      else
        g_string_append (text, _("Parish polls bear an equal share of the shared costs, as "
                                 "every other poll does."));
    }
  gtk_label_set_text (GTK_LABEL (self->rule_label), text->str);
}

/**
 * ed_account_apportion_view_show:
 * @self: the view
 * @context: the district
 * @account: the account; the view keeps none of it
 *
 * Shows how @account's costs fall to its polls.
 */
void
ed_account_apportion_view_show (EdAccountApportionView *self,
                                EdContext              *context,
                                const EdAccount        *account)
{
  gboolean parishes;

  g_return_if_fail (ED_IS_ACCOUNT_APPORTION_VIEW (self));
  g_return_if_fail (ED_IS_CONTEXT (context) && account != NULL);

  g_set_object (&self->context, context);
  g_free (self->election_id);
  self->election_id = g_strdup (account->election->id);

  parishes = has_parish_poll (account);
  self->filling = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->recharge_row), account->parish_recharge);
  self->filling = FALSE;
  gtk_widget_set_sensitive (self->recharge_row, parishes);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->recharge_row),
                               parishes ? _("What the council asks its parishes to repay")
                                        : _("No parish poll is combined with these"));
  show_rule (self, account);
  show_table (self, account);
}

/**
 * ed_account_apportion_view_clear:
 * @self: the view
 *
 * Lets go of the district and the account shown, as when the district is closed.
 */
void
ed_account_apportion_view_clear (EdAccountApportionView *self)
{
  g_return_if_fail (ED_IS_ACCOUNT_APPORTION_VIEW (self));

  g_clear_object (&self->context);
  g_clear_pointer (&self->election_id, g_free);
}

static void
recharge_changed_cb (EdAccountApportionView *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->recharge_row));
  g_autoptr(GError) error = NULL;

  if (self->filling || self->context == NULL || selected >= ED_N_PARISH_RECHARGES)
    return;
  if (!ed_account_set_parish_recharge (self->context, self->election_id, selected, &error))
    ed_account_toast (GTK_WIDGET (self), error->message);
  /* Either way, the account as it now is. */
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ed_account_apportion_view_dispose (GObject *object)
{
  EdAccountApportionView *self = ED_ACCOUNT_APPORTION_VIEW (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->election_id, g_free);

  G_OBJECT_CLASS (ed_account_apportion_view_parent_class)->dispose (object);
}

static void
ed_account_apportion_view_class_init (EdAccountApportionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_account_apportion_view_dispose;

  /**
   * EdAccountApportionView::changed:
   *
   * The parish recharge was chosen: the account is to be read again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/accounts/ed-account-apportion-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EdAccountApportionView, rule_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountApportionView, recharge_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountApportionView, grid);
  gtk_widget_class_bind_template_callback (widget_class, recharge_changed_cb);
}

static void
ed_account_apportion_view_init (EdAccountApportionView *self)
{
  GtkStringList *names;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = TRUE;
  names = GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (self->recharge_row)));
  for (EdParishRecharge r = 0; r < ED_N_PARISH_RECHARGES; r++)
    gtk_string_list_append (names, ed_parish_recharge_get_display_name (r));
  self->filling = FALSE;
  ed_combo_row_show_choices_in_full (ADW_COMBO_ROW (self->recharge_row));
}
