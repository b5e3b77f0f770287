/* ed-account-recoverable-group.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Claim view's part for a UK Parliamentary poll (issue 17, item 3): the maximum
 * recoverable amounts typed from the charges order (ed_account_set_mra ()) and the claim
 * checked against them, with what is disallowed, the advance and the deadline (DOMAIN.md
 * §5.1). An account with no such poll shows none of it. */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "core/ed-today.h"
#include "ui/accounts/ed-account-figures.h"
#include "ui/accounts/ed-account-recoverable-group.h"
#include "ui/accounts/ed-account-typed.h"
#include "ui/ed-accessible.h"
#include "ui/ed-ui-resources.h"
#include "ui/widgets/ed-validated-entry-row.h"

typedef enum
{
  PART_SERVICES,
  PART_EXPENSES,
  PART_OVERALL,
  N_PARTS,
} Part;

typedef enum
{
  FIGURE_CLAIMED,
  FIGURE_MAXIMUM,
  FIGURE_DISALLOWED,
  FIGURE_RECOVERABLE,
  N_FIGURES,
} Figure;

struct _EdAccountRecoverableGroup
{
  AdwPreferencesGroup  parent_instance;

  EdContext  *context;
  char       *parliamentary;   /* the UK Parliamentary poll's row id, or NULL */

  GtkWidget  *mra_group;
  GtkWidget  *mra_save_button;
  GtkWidget  *services_row;
  GtkWidget  *expenses_row;
  GtkWidget  *overall_row;
  GtkWidget  *order_row;
  GtkWidget  *claim_group;
  GtkWidget  *claim_grid;
  GtkWidget  *claim_note;
  GtkWidget  *claim_rows_group;
  GtkWidget  *recoverable_label;
  GtkWidget  *mailings_label;
  GtkWidget  *advance_row;
  GtkWidget  *advance_label;
  GtkWidget  *deadline_row;
  GtkWidget  *deadline_label;
  GtkWidget  *figures[N_PARTS][N_FIGURES];
};

G_DEFINE_FINAL_TYPE (EdAccountRecoverableGroup, ed_account_recoverable_group,
                     ADW_TYPE_PREFERENCES_GROUP)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- the maximum recoverable amounts ------------------------------------------------------ */

static gboolean
read_mra (EdAccountRecoverableGroup *self,
          EdMra                     *out)
{
  gboolean services = ed_account_typed_read_amount (self->services_row, FALSE, &out->services);
  gboolean expenses = ed_account_typed_read_amount (self->expenses_row, FALSE, &out->expenses);
  gboolean overall = ed_account_typed_read_amount (self->overall_row, FALSE, &out->overall);

  return services && expenses && overall;
}

static void
mra_changed_cb (EdAccountRecoverableGroup *self)
{
  EdMra mra;
  gboolean valid = read_mra (self, &mra);
  gboolean changed = ed_account_typed_differs (self->services_row) ||
                     ed_account_typed_differs (self->expenses_row) ||
                     ed_account_typed_differs (self->overall_row) ||
                     ed_account_typed_differs (self->order_row);

  gtk_widget_set_sensitive (self->mra_save_button, valid && changed);
}

static void
mra_save_clicked_cb (EdAccountRecoverableGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  EdMra mra;

  if (self->context == NULL || self->parliamentary == NULL || !read_mra (self, &mra))
    return;
  source = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->order_row))));
  if (!ed_account_set_mra (self->context, self->parliamentary, &mra, source, &error))
    {
      ed_account_toast (GTK_WIDGET (self), error->message);
      return;
    }
  /* Shown as saved, "£60,000.00" for "60000". */
  ed_account_typed_show_amount (self->services_row, TRUE, mra.services, TRUE);
  ed_account_typed_show_amount (self->expenses_row, TRUE, mra.expenses, TRUE);
  ed_account_typed_show_amount (self->overall_row, TRUE, mra.overall, TRUE);
  ed_account_typed_show (self->order_row, source, TRUE);
  gtk_widget_set_sensitive (self->mra_save_button, FALSE);
  ed_account_toast (GTK_WIDGET (self), _("Maximum recoverable amounts saved"));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* --- the claim against them --------------------------------------------------------------- */

static void
attach_heading (GtkWidget  *grid,
                const char *text,
                int         column,
                int         row)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_widget_add_css_class (label, "heading");
  if (column == 0)
    gtk_widget_set_hexpand (label, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, column, row, 1, 1);
}

static const char *
part_title (Part part)
{
  switch (part)
    {
    case PART_SERVICES:
      /* Translators: the returning officer's specified services, a part of a claim */
      return C_("claim", "Services");
    case PART_EXPENSES:
      /* Translators: the returning officer's specified expenses, a part of a claim */
      return C_("claim", "Expenses");
    case PART_OVERALL:
    default:
      /* Translators: the whole of a claim, against the overall maximum */
      return C_("claim", "Overall");
    }
}

static const char *
figure_title (Figure figure)
{
  switch (figure)
    {
    case FIGURE_CLAIMED:
      return C_("claim", "Claimed");
    case FIGURE_MAXIMUM:
      return C_("claim", "Maximum");
    case FIGURE_DISALLOWED:
      return C_("claim", "Disallowed");
    case FIGURE_RECOVERABLE:
    default:
      return C_("claim", "Recoverable");
    }
}

static void
build_claim_grid (EdAccountRecoverableGroup *self)
{
  for (Figure f = 0; f < N_FIGURES; f++)
    attach_heading (self->claim_grid, figure_title (f), 1 + f, 0);
  for (Part p = 0; p < N_PARTS; p++)
    {
      GtkWidget *label = gtk_label_new (part_title (p));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (GTK_GRID (self->claim_grid), label, 0, 1 + p, 1, 1);
      for (Figure f = 0; f < N_FIGURES; f++)
        {
          self->figures[p][f] = ed_account_amount_label_new ();
          gtk_grid_attach (GTK_GRID (self->claim_grid), self->figures[p][f], 1 + f, 1 + p, 1, 1);
        }
    }
  self->claim_note = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->claim_note), 0);
  gtk_label_set_wrap (GTK_LABEL (self->claim_note), TRUE);
  gtk_widget_set_margin_top (self->claim_note, 6);
  gtk_grid_attach (GTK_GRID (self->claim_grid), self->claim_note, 0, 1 + N_PARTS, 1 + N_FIGURES,
                   1);
}

static void
show_figure (EdAccountRecoverableGroup *self,
             Part                       part,
             Figure                     figure,
             gboolean                   known,
             EdMoney                    amount)
{
  GtkWidget *label = self->figures[part][figure];
  g_autofree char *text = known ? ed_money_format (amount) : g_strdup ("—");
  /* Translators: for a screen reader: a part of a claim, a column of figures, then the
   * amount ("Expenses, Disallowed: £1,200.00") */
  g_autofree char *name = g_strdup_printf (C_("claim", "%s, %s: %s"), part_title (part),
                                           figure_title (figure),
                                           known ? text : _("not known"));

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  ed_account_set_style (label, !known ? "dim-label"
                               : figure == FIGURE_DISALLOWED && amount > 0 ? "error"
                               : figure == FIGURE_RECOVERABLE ? NULL
                               : amount == 0 ? "dim-label" : NULL);
  if (figure == FIGURE_RECOVERABLE && part == PART_OVERALL)
    gtk_widget_add_css_class (label, "heading");
}

/**
 * ed_account_recoverable_group_show:
 * @self: the group
 * @context: the district
 * @account: the account; the group keeps none of it
 * @other: whether @account is another than the one shown before: its figures then replace
 *   what was typed and not saved
 *
 * Shows the maximum recoverable amounts of @account's UK Parliamentary poll and its claim
 * against them, or nothing when it has no such poll.
 */
void
ed_account_recoverable_group_show (EdAccountRecoverableGroup *self,
                                   EdContext                 *context,
                                   const EdAccount           *account,
                                   gboolean                   other)
{
  const EdRecoverable *r;
  EdAccountPoll *poll;
  gboolean known;
  g_autofree char *advance = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *recoverable = NULL;
  g_autofree char *mailings = NULL;
  GDate today;
  int days;

  g_return_if_fail (ED_IS_ACCOUNT_RECOVERABLE_GROUP (self));
  g_return_if_fail (ED_IS_CONTEXT (context) && account != NULL);

  g_set_object (&self->context, context);
  r = &account->recoverable;
  known = account->has_mra;
  gtk_widget_set_visible (GTK_WIDGET (self), account->parliamentary >= 0);
  gtk_widget_set_visible (self->mra_group, account->parliamentary >= 0);
  gtk_widget_set_visible (self->claim_group, account->parliamentary >= 0);
  gtk_widget_set_visible (self->claim_rows_group, account->parliamentary >= 0);
  g_clear_pointer (&self->parliamentary, g_free);
  if (account->parliamentary < 0)
    return;
  poll = g_ptr_array_index (account->polls, account->parliamentary);
  self->parliamentary = g_strdup (poll->election->id);

  ed_account_typed_show_amount (self->services_row, known, account->mra.services, other);
  ed_account_typed_show_amount (self->expenses_row, known, account->mra.expenses, other);
  ed_account_typed_show_amount (self->overall_row, known, account->mra.overall, other);
  ed_account_typed_show (self->order_row, account->mra_source, other);
  mra_changed_cb (self);

  {
    /* The group's description is markup. */
    g_autofree char *escaped = g_markup_escape_text (ed_account_poll_title (poll), -1);

    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->claim_group),
                                           account->polls->len > 1 ? escaped : NULL);
  }
  show_figure (self, PART_SERVICES, FIGURE_CLAIMED, TRUE, r->services_claimed);
  show_figure (self, PART_SERVICES, FIGURE_MAXIMUM, known, account->mra.services);
  show_figure (self, PART_SERVICES, FIGURE_DISALLOWED, known, r->services_over_cap);
  show_figure (self, PART_SERVICES, FIGURE_RECOVERABLE, known,
               r->services_claimed - r->services_over_cap);
  show_figure (self, PART_EXPENSES, FIGURE_CLAIMED, TRUE, r->expenses_claimed);
  show_figure (self, PART_EXPENSES, FIGURE_MAXIMUM, known, account->mra.expenses);
  show_figure (self, PART_EXPENSES, FIGURE_DISALLOWED, known, r->expenses_over_cap);
  show_figure (self, PART_EXPENSES, FIGURE_RECOVERABLE, known,
               r->expenses_claimed - r->expenses_over_cap);
  show_figure (self, PART_OVERALL, FIGURE_CLAIMED, TRUE,
               r->services_claimed + r->expenses_claimed);
  show_figure (self, PART_OVERALL, FIGURE_MAXIMUM, known, account->mra.overall);
  show_figure (self, PART_OVERALL, FIGURE_DISALLOWED, known,
               r->services_over_cap + r->expenses_over_cap + r->over_overall);
  show_figure (self, PART_OVERALL, FIGURE_RECOVERABLE, known, r->recoverable);

  if (!known)
    {
      gtk_label_set_text (GTK_LABEL (self->claim_note),
                          _("Enter the maximum recoverable amounts from the charges order to "
                            "check the claim against them."));
      ed_account_set_style (self->claim_note, "dim-label");
    }
  else if (r->over_overall > 0)
    {
      g_autofree char *over = ed_money_format (r->over_overall);

      /* Translators: %s is the amount of a claim above the overall maximum recoverable
       * amount, disallowed even where services and expenses are each within their own */
      subtitle = g_strdup_printf (_("The overall maximum binds: %s more is disallowed, though "
                                    "the services and expenses are each within their own "
                                    "maximum."),
                                  over);
      gtk_label_set_text (GTK_LABEL (self->claim_note), subtitle);
      ed_account_set_style (self->claim_note, "error");
      g_clear_pointer (&subtitle, g_free);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->claim_note),
                          r->services_over_cap + r->expenses_over_cap > 0
                            ? _("Part of the claim is above its maximum and is disallowed.")
                            : _("The claim is within every maximum."));
      ed_account_set_style (self->claim_note,
                            r->services_over_cap + r->expenses_over_cap > 0 ? "error"
                                                                            : "dim-label");
    }

  recoverable = known ? ed_money_format (r->recoverable) : g_strdup ("—");
  gtk_label_set_text (GTK_LABEL (self->recoverable_label), recoverable);
  mailings = ed_money_format (poll->spent[ED_COST_CANDIDATE_MAILINGS]);
  gtk_label_set_text (GTK_LABEL (self->mailings_label), mailings);

  advance = ed_money_format (account->advance);
  gtk_label_set_text (GTK_LABEL (self->advance_label), advance);
  /* Translators: %d is the per cent of the estimate a parliamentary poll is advanced; %% is
   * a per cent sign */
  subtitle = g_strdup_printf (_("Expected before the poll: %d%% of its share of the estimate"),
                              ED_ACCOUNT_ADVANCE_PERCENT);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->advance_row), subtitle);
  g_clear_pointer (&subtitle, g_free);

  deadline = ed_date_format_long (&account->claim_deadline);
  gtk_label_set_text (GTK_LABEL (self->deadline_label), deadline);
  ed_today (&today);
  days = g_date_days_between (&today, &account->claim_deadline);
  if (days < 0)
    subtitle = g_strdup (_("Six months from polling day: passed"));
  else
    /* Translators: %d is how many days are left before a claim is due */
    subtitle = g_strdup_printf (ngettext ("Six months from polling day: %d day from today",
                                          "Six months from polling day: %d days from today",
                                          days),
                                days);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->deadline_row), subtitle);
  ed_account_set_style (self->deadline_label, days < 0 ? "error" : days < 30 ? "warning" : NULL);
}

/**
 * ed_account_recoverable_group_clear:
 * @self: the group
 *
 * Lets go of the district and the poll shown, as when the district is closed.
 */
void
ed_account_recoverable_group_clear (EdAccountRecoverableGroup *self)
{
  g_return_if_fail (ED_IS_ACCOUNT_RECOVERABLE_GROUP (self));

  g_clear_object (&self->context);
  g_clear_pointer (&self->parliamentary, g_free);
}

static void
ed_account_recoverable_group_dispose (GObject *object)
{
  EdAccountRecoverableGroup *self = ED_ACCOUNT_RECOVERABLE_GROUP (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->parliamentary, g_free);

  G_OBJECT_CLASS (ed_account_recoverable_group_parent_class)->dispose (object);
}

static void
ed_account_recoverable_group_class_init (EdAccountRecoverableGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_account_recoverable_group_dispose;

  /**
   * EdAccountRecoverableGroup::changed:
   *
   * The maximum recoverable amounts were saved: the account is to be read again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  (void)ed_ui_get_resource ();
  g_type_ensure (ED_TYPE_VALIDATED_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/accounts/ed-account-recoverable-group.ui");
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup, mra_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup, mra_save_button);
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup, services_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup, expenses_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup, overall_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup, order_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup, claim_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup, claim_grid);
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup,
                                        claim_rows_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup,
                                        recoverable_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup, mailings_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup, advance_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup, advance_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountRecoverableGroup, deadline_label);
  gtk_widget_class_bind_template_callback (widget_class, mra_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mra_save_clicked_cb);
}

static void
ed_account_recoverable_group_init (EdAccountRecoverableGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_claim_grid (self);
  ed_accessible_name_buttons (GTK_WIDGET (self));
}
