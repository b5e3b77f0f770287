/* ed-account-claim-view.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Accounts page's Claim view (issue 17, items 3 and 4): for a UK Parliamentary poll, the
 * maximum recoverable amounts typed from the charges order (ed_account_set_mra ()) and the
 * claim checked against them, with what is disallowed, the advance and the deadline
 * (DOMAIN.md §5.1); for a local poll, the council's scale for the returning officer's fee
 * (ed_account_set_fee_scale ()) and the fee it gives against what was charged (§5.3); the
 * statement's summary as it will be published, for the whole account or one poll; and the
 * account's submission (ed_account_lock ()), with what has happened since.
 *
 * The view keeps its own copy of what it shows, so that choosing another poll's statement
 * needs no account. A figure typed and not yet saved stays when the account is read again. */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accounts/ed-account-document.h"
#include "accounts/ed-account-statement.h"
#include "core/ed-job.h"
#include "core/ed-date.h"
#include "core/ed-today.h"
#include "ui/accounts/ed-account-claim-view.h"
#include "ui/accounts/ed-account-figures.h"
#include "ui/ed-accessible.h"
#include "ui/ed-number-format.h"
#include "ui/ed-ui-resources.h"
#include "ui/widgets/ed-validated-entry-row.h"

/* A local poll's fee by the council's scale. */
typedef struct
{
  char       *id;
  char       *title;
  gboolean    has_scale;
  EdFeeScale  scale;
  gint64      electors;
  guint       contested;
  EdMoney     scale_fee;
  EdMoney     charged;
  EdMoney     over;
} FeePoll;

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

struct _EdAccountClaimView
{
  AdwBin      parent_instance;

  EdContext  *context;
  char       *election_id;     /* the account's first poll */
  char       *title;           /* the account, in words */
  char       *slug;            /* its first poll's id, for a file's name */
  char       *parliamentary;   /* its UK Parliamentary poll's row id, or NULL */
  GArray     *fee_polls;       /* FeePoll */
  GPtrArray  *statements;      /* GPtrArray of EdStatementRow: the whole account, then each poll */
  GPtrArray  *statement_rows;  /* the rows the statement group shows */
  GPtrArray  *submission_rows;
  guint       n_entries;
  EdMoney     total;
  gboolean    can_submit;
  gboolean    filling;         /* the choices are being shown: not the person's */
  EdJob      *save_job;        /* the statement being written, if any */

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
  GtkWidget  *fee_group;
  GtkWidget  *fee_save_button;
  GtkWidget  *fee_poll_row;
  GtkWidget  *per_election_row;
  GtkWidget  *per_1000_row;
  GtkWidget  *per_area_row;
  GtkWidget  *fee_result_group;
  GtkWidget  *electors_row;
  GtkWidget  *electors_label;
  GtkWidget  *contested_label;
  GtkWidget  *scale_fee_label;
  GtkWidget  *charged_label;
  GtkWidget  *over_scale_label;
  GtkWidget  *statement_group;
  GtkWidget  *statement_dropdown;
  GtkWidget  *submission_group;
  GtkWidget  *submit_button;
  GtkWidget  *figures[N_PARTS][N_FIGURES];
};

G_DEFINE_FINAL_TYPE (EdAccountClaimView, ed_account_claim_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CAN_SUBMIT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SHOWN_KEY "ed-shown"

static void
fee_poll_clear (gpointer data)
{
  FeePoll *poll = data;

  g_free (poll->id);
  g_free (poll->title);
}

/* --- figures typed ------------------------------------------------------------------------ */

/* Shows @text in @row unless the person has typed something else there that is not saved. */
static void
show_typed (GtkWidget  *row,
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

static void
show_typed_amount (GtkWidget *row,
                   gboolean   known,
                   EdMoney    amount,
                   gboolean   force)
{
  g_autofree char *text = known ? ed_money_format (amount) : g_strdup ("");

  show_typed (row, text, force);
}

/* An amount of a form: nothing typed is nothing when @empty_is_nothing. What is wrong is
 * said under the row once something is typed. */
static gboolean
read_amount (GtkWidget *row,
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

static gboolean
typed_differs (GtkWidget *row)
{
  return g_strcmp0 (g_object_get_data (G_OBJECT (row), SHOWN_KEY),
                    gtk_editable_get_text (GTK_EDITABLE (row))) != 0;
}

/* --- the maximum recoverable amounts ------------------------------------------------------ */

static gboolean
read_mra (EdAccountClaimView *self,
          EdMra              *out)
{
  gboolean services = read_amount (self->services_row, FALSE, &out->services);
  gboolean expenses = read_amount (self->expenses_row, FALSE, &out->expenses);
  gboolean overall = read_amount (self->overall_row, FALSE, &out->overall);

  return services && expenses && overall;
}

static void
mra_changed_cb (EdAccountClaimView *self)
{
  EdMra mra;
  gboolean valid = read_mra (self, &mra);
  gboolean changed = typed_differs (self->services_row) || typed_differs (self->expenses_row) ||
                     typed_differs (self->overall_row) || typed_differs (self->order_row);

  gtk_widget_set_sensitive (self->mra_save_button, valid && changed);
}

static void
mra_save_clicked_cb (EdAccountClaimView *self)
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
  show_typed_amount (self->services_row, TRUE, mra.services, TRUE);
  show_typed_amount (self->expenses_row, TRUE, mra.expenses, TRUE);
  show_typed_amount (self->overall_row, TRUE, mra.overall, TRUE);
  show_typed (self->order_row, source, TRUE);
  gtk_widget_set_sensitive (self->mra_save_button, FALSE);
  ed_account_toast (GTK_WIDGET (self), _("Maximum recoverable amounts saved"));
  g_signal_emit (self, signals[CHANGED], 0);
}

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
build_claim_grid (EdAccountClaimView *self)
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
show_figure (EdAccountClaimView *self,
             Part                part,
             Figure              figure,
             gboolean            known,
             EdMoney             amount)
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

static void
show_claim (EdAccountClaimView *self,
            const EdAccount    *account,
            gboolean            other)
{
  const EdRecoverable *r = &account->recoverable;
  EdAccountPoll *poll;
  gboolean known = account->has_mra;
  g_autofree char *advance = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *recoverable = NULL;
  g_autofree char *mailings = NULL;
  GDate today;
  int days;

  gtk_widget_set_visible (self->mra_group, account->parliamentary >= 0);
  gtk_widget_set_visible (self->claim_group, account->parliamentary >= 0);
  gtk_widget_set_visible (self->claim_rows_group, account->parliamentary >= 0);
  g_clear_pointer (&self->parliamentary, g_free);
  if (account->parliamentary < 0)
    return;
  poll = g_ptr_array_index (account->polls, account->parliamentary);
  self->parliamentary = g_strdup (poll->election->id);

  show_typed_amount (self->services_row, known, account->mra.services, other);
  show_typed_amount (self->expenses_row, known, account->mra.expenses, other);
  show_typed_amount (self->overall_row, known, account->mra.overall, other);
  show_typed (self->order_row, account->mra_source, other);
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

/* --- the fee scale ------------------------------------------------------------------------ */

static FeePoll *
chosen_fee_poll (EdAccountClaimView *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->fee_poll_row));

  if (self->fee_polls->len == 0)
    return NULL;
  return &g_array_index (self->fee_polls, FeePoll, MIN (selected, self->fee_polls->len - 1));
}

static gboolean
read_scale (EdAccountClaimView *self,
            EdFeeScale         *out)
{
  gboolean per_election = read_amount (self->per_election_row, TRUE, &out->per_election);
  gboolean per_1000 = read_amount (self->per_1000_row, TRUE, &out->per_1000_electors);
  gboolean per_area = read_amount (self->per_area_row, TRUE, &out->per_contested_area);

  return per_election && per_1000 && per_area;
}

static void
fee_changed_cb (EdAccountClaimView *self)
{
  EdFeeScale scale;
  FeePoll *poll = chosen_fee_poll (self);
  gboolean valid = read_scale (self, &scale);
  gboolean changed = typed_differs (self->per_election_row) ||
                     typed_differs (self->per_1000_row) || typed_differs (self->per_area_row);

  gtk_widget_set_sensitive (self->fee_save_button, poll != NULL && valid && changed);
}

static void
set_count (GtkWidget *label,
           gint64     n)
{
  g_autofree char *text = ed_number_format_count ((guint)CLAMP (n, 0, G_MAXUINT));

  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
set_amount (GtkWidget  *label,
            EdMoney     amount,
            const char *style)
{
  g_autofree char *text = ed_money_format (amount);

  gtk_label_set_text (GTK_LABEL (label), text);
  ed_account_set_style (label, style);
}

/* The chosen poll's scale in the form (what is typed stays unless @force), and what it
 * gives. */
static void
show_fee_poll (EdAccountClaimView *self,
               gboolean            force)
{
  FeePoll *poll = chosen_fee_poll (self);

  if (poll == NULL)
    return;
  show_typed_amount (self->per_election_row, poll->has_scale, poll->scale.per_election, force);
  show_typed_amount (self->per_1000_row, poll->has_scale, poll->scale.per_1000_electors, force);
  show_typed_amount (self->per_area_row, poll->has_scale, poll->scale.per_contested_area, force);
  fee_changed_cb (self);

  set_count (self->electors_label, poll->electors);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->electors_row),
                               poll->electors > 0
                                 ? _("In the contested areas, as the electorate was fixed")
                                 : _("Not fixed yet: the final notice of alteration fixes it"));
  set_count (self->contested_label, poll->contested);
  if (poll->has_scale)
    {
      set_amount (self->scale_fee_label, poll->scale_fee, NULL);
      set_amount (self->over_scale_label, poll->over, poll->over > 0 ? "error" : "dim-label");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->scale_fee_label), "—");
      ed_account_set_style (self->scale_fee_label, "dim-label");
      gtk_label_set_text (GTK_LABEL (self->over_scale_label), "—");
      ed_account_set_style (self->over_scale_label, "dim-label");
    }
  set_amount (self->charged_label, poll->charged, NULL);
}

static void
fee_poll_changed_cb (EdAccountClaimView *self)
{
  if (!self->filling)
    show_fee_poll (self, TRUE);
}

static void
fee_save_clicked_cb (EdAccountClaimView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FeePoll *poll = chosen_fee_poll (self);
  EdFeeScale scale;

  if (self->context == NULL || poll == NULL || !read_scale (self, &scale))
    return;
  if (!ed_account_set_fee_scale (self->context, poll->id, &scale, &error))
    {
      ed_account_toast (GTK_WIDGET (self), error->message);
      return;
    }
  show_typed_amount (self->per_election_row, TRUE, scale.per_election, TRUE);
  show_typed_amount (self->per_1000_row, TRUE, scale.per_1000_electors, TRUE);
  show_typed_amount (self->per_area_row, TRUE, scale.per_contested_area, TRUE);
  gtk_widget_set_sensitive (self->fee_save_button, FALSE);
  /* Translators: %s is a poll, "Ashmere Vale District Council" */
  text = g_strdup_printf (_("Fee scale saved for %s"), poll->title);
  ed_account_toast (GTK_WIDGET (self), text);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
show_fees (EdAccountClaimView *self,
           const EdAccount    *account)
{
  FeePoll *chosen = chosen_fee_poll (self);
  g_autofree char *chosen_id = chosen != NULL ? g_strdup (chosen->id) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gboolean same_poll = FALSE;
  guint selected = 0;

  g_array_set_size (self->fee_polls, 0);
  for (guint p = 0; p < account->polls->len; p++)
    {
      EdAccountPoll *poll = g_ptr_array_index (account->polls, p);
      FeePoll fee = { 0, };

      if (!ed_account_poll_has_fee_scale (poll))
        continue;
      fee.id = g_strdup (poll->election->id);
      fee.title = g_strdup (ed_account_poll_title (poll));
      fee.has_scale = poll->has_fee_scale;
      fee.scale = poll->fee_scale;
      fee.electors = poll->electors;
      fee.contested = poll->contested;
      fee.scale_fee = poll->scale_fee;
      fee.charged = poll->spent[ED_COST_RO_FEES];
      fee.over = poll->fee_over_scale;
      if (g_strcmp0 (chosen_id, fee.id) == 0)
        {
          selected = self->fee_polls->len;
          same_poll = TRUE;
        }
      gtk_string_list_append (names, fee.title);
      g_array_append_val (self->fee_polls, fee);
    }
  gtk_widget_set_visible (self->fee_group, self->fee_polls->len > 0);
  gtk_widget_set_visible (self->fee_result_group, self->fee_polls->len > 0);
  if (self->fee_polls->len == 0)
    return;
  self->filling = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->fee_poll_row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->fee_poll_row), selected);
  self->filling = FALSE;
  gtk_widget_set_visible (self->fee_poll_row, self->fee_polls->len > 1);
  show_fee_poll (self, !same_poll);
}

/* --- the statement ------------------------------------------------------------------------ */

static void
show_statement_rows (EdAccountClaimView *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->statement_dropdown));
  GPtrArray *rows;

  for (guint i = 0; i < self->statement_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->statement_group),
                                  g_ptr_array_index (self->statement_rows, i));
  g_ptr_array_set_size (self->statement_rows, 0);
  if (self->statements->len == 0)
    return;
  rows = g_ptr_array_index (self->statements, MIN (selected, self->statements->len - 1));
  for (guint i = 0; i < rows->len; i++)
    {
      EdStatementRow *statement_row = g_ptr_array_index (rows, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *amount = ed_account_amount_label_new ();
      g_autofree char *text = ed_money_format (statement_row->amount);
      /* Translators: for a screen reader: a line of a statement, then its amount */
      g_autofree char *name = g_strdup_printf (C_("statement", "%s: %s"), statement_row->label,
                                               text);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), statement_row->label);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      ed_account_amount_label_set (amount, statement_row->amount, name);
      gtk_widget_set_valign (amount, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
      if (statement_row->kind != ED_STATEMENT_ROW_LINE)
        gtk_widget_add_css_class (row, "heading");
      else if (!statement_row->in_total)
        {
          /* The staff costs with the fees inside them, which the total does not add. */
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not added into the total"));
          gtk_widget_add_css_class (amount, "dim-label");
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->statement_group), row);
      g_ptr_array_add (self->statement_rows, row);
    }
}

static void
statement_changed_cb (EdAccountClaimView *self)
{
  if (!self->filling)
    show_statement_rows (self);
}

static void
show_statements (EdAccountClaimView *self,
                 const EdAccount    *account)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->statement_dropdown));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gboolean combined = account->polls->len > 1;

  g_ptr_array_set_size (self->statements, 0);
  g_ptr_array_add (self->statements, ed_account_statement_summary ((EdAccount *)account, -1));
  gtk_string_list_append (names, _("The whole account"));
  for (guint p = 0; combined && p < account->polls->len; p++)
    {
      g_ptr_array_add (self->statements, ed_account_statement_summary ((EdAccount *)account,
                                                                       (gint)p));
      gtk_string_list_append (names, ed_account_poll_title (g_ptr_array_index (account->polls,
                                                                               p)));
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->statement_dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->statement_dropdown),
                              selected < self->statements->len ? selected : 0);
  self->filling = FALSE;
  gtk_widget_set_visible (self->statement_dropdown, combined);
  show_statement_rows (self);
}

/* --- the statement's files ---------------------------------------------------------------- */

typedef struct
{
  char     *election_id;
  char     *path;
  gboolean  workbook;
} SaveStatement;

static void
save_statement_free (gpointer data)
{
  SaveStatement *save = data;

  g_free (save->election_id);
  g_free (save->path);
  g_free (save);
}

/* The account read afresh on the worker's own connection, so that the file is what the
 * district holds at this moment, then written whole or not at all (ed-output-file.h). */
static gboolean
save_statement_work (EdJob         *job,
                     GObject       *connection,
                     gpointer       task_data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  EdContext *context = ED_CONTEXT (connection);
  SaveStatement *save = task_data;
  g_autoptr(EdAccount) account = ed_account_load (context, save->election_id, error);

  if (account == NULL)
    return FALSE;
  if (save->workbook)
    return ed_account_statement_write_xlsx (account, save->path, error);
  return ed_account_statement_write_pdf (
    account, ed_district_settings_get_council_name (ed_context_get_settings (context)),
    save->path, error);
}

static void
statement_saved_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(EdAccountClaimView) self = user_data;
  g_autoptr(GError) error = NULL;
  SaveStatement *save = ed_job_get_task_data (ED_JOB (source));
  g_autofree char *name = g_path_get_basename (save->path);
  g_autofree char *text = NULL;

  if (ED_JOB (source) == self->save_job)
    {
      g_clear_object (&self->save_job);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  if (!ed_job_run_finish (ED_JOB (source), result, &error))
    {
      GtkWidget *dialog;

      if (self->context == NULL)
        {
          g_warning ("The statement was not saved: %s", error->message);
          return;
        }
      dialog = adw_message_dialog_new (ed_account_parent_window (GTK_WIDGET (self)),
                                       _("Cannot Save the Statement"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      ed_accessible_name_buttons (dialog);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  /* Translators: %s is the name of the file just saved */
  text = g_strdup_printf (_("Saved “%s”"), name);
  ed_account_toast (GTK_WIDGET (self), text);
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, suffix);
}

/**
 * ed_account_claim_view_save_statement:
 * @self: the view
 * @file: where to write: an `.xlsx` file for a workbook, anything else for a PDF
 *
 * Writes the statement of the account shown, in a worker thread, then says so in a toast, or
 * what went wrong in a dialog. The view is busy until it is done.
 */
void
ed_account_claim_view_save_statement (EdAccountClaimView *self,
                                      GFile              *file)
{
  SaveStatement *save;
  const char *path;

  g_return_if_fail (ED_IS_ACCOUNT_CLAIM_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->context == NULL || self->election_id == NULL || self->save_job != NULL)
    return;
  if ((path = g_file_peek_path (file)) == NULL)
    {
      ed_account_toast (GTK_WIDGET (self), _("Choose a file on this computer."));
      return;
    }
  save = g_new0 (SaveStatement, 1);
  save->election_id = g_strdup (self->election_id);
  save->path = g_strdup (path);
  save->workbook = has_suffix (path, ".xlsx");
  self->save_job = g_object_ref (ed_context_run_job_async (self->context, save_statement_work,
                                                           save, save_statement_free, NULL,
                                                           statement_saved_cb,
                                                           g_object_ref (self)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

#define FILTER_SUFFIX_KEY "ed-statement-suffix"

static void
add_filter (GtkFileChooserNative *chooser,
            const char           *name,
            const char           *suffix,
            const char           *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_object_set_data_full (G_OBJECT (filter), FILTER_SUFFIX_KEY, g_strdup (suffix), g_free);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

/* The file chosen, with the suffix of the kind chosen when its name has neither. */
static void
statement_file_chosen_cb (GtkNativeDialog    *chooser,
                          int                 response,
                          EdAccountClaimView *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT
                            ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;
  GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  const char *suffix = filter != NULL ? g_object_get_data (G_OBJECT (filter), FILTER_SUFFIX_KEY)
                                      : NULL;

  if (file != NULL && suffix != NULL && g_file_peek_path (file) != NULL &&
      !has_suffix (g_file_peek_path (file), ".pdf") &&
      !has_suffix (g_file_peek_path (file), ".xlsx"))
    {
      g_autofree char *with_suffix = g_strdup_printf ("%s.%s", g_file_peek_path (file), suffix);

      g_object_unref (file);
      file = g_file_new_for_path (with_suffix);
    }
  if (file != NULL)
    ed_account_claim_view_save_statement (self, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * ed_account_claim_view_choose_statement_file:
 * @self: the view
 *
 * Asks where to save the statement, as a PDF or a workbook, and saves it there.
 */
void
ed_account_claim_view_choose_statement_file (EdAccountClaimView *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  g_return_if_fail (ED_IS_ACCOUNT_CLAIM_VIEW (self));

  if (self->context == NULL || self->slug == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Statement"),
                                         ed_account_parent_window (GTK_WIDGET (self)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s-statement.pdf", self->slug);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (chooser, _("PDF documents"), "pdf", "application/pdf");
  add_filter (chooser, _("XLSX workbook"), "xlsx",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  g_signal_connect_object (chooser, "response", G_CALLBACK (statement_file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * ed_account_claim_view_is_busy:
 * @self: the view
 *
 * Returns: %TRUE while the statement is being written
 */
gboolean
ed_account_claim_view_is_busy (EdAccountClaimView *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_CLAIM_VIEW (self), FALSE);
  return self->save_job != NULL;
}

/* --- the submission ----------------------------------------------------------------------- */

static void
add_submission_row (EdAccountClaimView *self,
                    const char         *title,
                    const char         *subtitle,
                    const char         *style)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (style != NULL)
    gtk_widget_add_css_class (row, style);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->submission_group), row);
  g_ptr_array_add (self->submission_rows, row);
}

static void
set_can_submit (EdAccountClaimView *self,
                gboolean            can_submit)
{
  if (self->can_submit == can_submit)
    return;
  self->can_submit = can_submit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SUBMIT]);
}

static void
show_submission (EdAccountClaimView *self,
                 const EdAccount    *account)
{
  for (guint i = 0; i < self->submission_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->submission_group),
                                  g_ptr_array_index (self->submission_rows, i));
  g_ptr_array_set_size (self->submission_rows, 0);

  if (account->changed_since_lock)
    add_submission_row (self, _("Changed since it was submitted"),
                        _("The entries the latest submission covers are no longer what it was "
                          "submitted with: an edit from another desk arrived after it, or the "
                          "district was changed outside Electoral Desk. Check the entries and "
                          "submit the account again."),
                        "error");
  if (account->after_lock > 0)
    {
      /* Translators: %u is how many entries were made after the account was submitted */
      g_autofree char *title = g_strdup_printf (ngettext ("%u entry since it was submitted",
                                                          "%u entries since it was submitted",
                                                          account->after_lock),
                                                account->after_lock);

      add_submission_row (self, title,
                          _("Submit the account again to cover what was entered since."),
                          "warning");
    }
  for (guint i = account->locks->len; i > 0; i--)
    {
      EdAccountLock *lock = g_ptr_array_index (account->locks, i - 1);
      g_autofree char *day = ed_date_format_long (&lock->locked_on);
      g_autofree char *total = ed_money_format (lock->total);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (*lock->locked_by != '\0')
        /* Translators: the day an account was submitted, then who submitted it */
        title = g_strdup_printf (_("Submitted on %s by %s"), day, lock->locked_by);
      else
        /* Translators: %s is the day an account was submitted */
        title = g_strdup_printf (_("Submitted on %s"), day);
      /* Translators: how many entries a submission of an account held, and what they came
       * to */
      subtitle = g_strdup_printf (ngettext ("%u entry, %s", "%u entries, %s", lock->entries),
                                  lock->entries, total);
      add_submission_row (self, title, subtitle, i < account->locks->len ? "dim-label" : NULL);
    }
  if (account->locks->len == 0)
    add_submission_row (self, _("Not submitted yet"),
                        _("Submitting records the account as it stands today: its entries, "
                          "what they come to and a fingerprint of them. Entries can still be "
                          "made after, and are shown apart."),
                        NULL);

  self->n_entries = account->entries->len;
  self->total = account->total;
  set_can_submit (self, self->n_entries > 0 &&
                          (account->locks->len == 0 || account->after_lock > 0));
  if (self->can_submit)
    gtk_widget_set_tooltip_text (self->submit_button,
                                 _("Record the account as submitted today"));
  else if (self->n_entries == 0)
    gtk_widget_set_tooltip_text (self->submit_button,
                                 _("Nothing to submit: the account has no entries"));
  else
    gtk_widget_set_tooltip_text (self->submit_button,
                                 _("Submitted already, and nothing has been entered since"));
}

static void
submit_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    EdAccountClaimView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lock_id = NULL;

  if (!g_str_equal (response, "submit") || self->context == NULL || self->election_id == NULL)
    return;
  lock_id = ed_account_lock (self->context, self->election_id, NULL, &error);
  if (lock_id == NULL)
    ed_account_toast (GTK_WIDGET (self), error->message);
  else
    ed_account_toast (GTK_WIDGET (self), _("Account submitted"));
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ed_account_claim_view_submit:
 * @self: the view
 *
 * Asks whether to record the account as submitted today, and does on the answer.
 */
void
ed_account_claim_view_submit (EdAccountClaimView *self)
{
  g_autofree char *total = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (ED_IS_ACCOUNT_CLAIM_VIEW (self));

  if (!self->can_submit)
    return;
  total = ed_money_format (self->total);
  /* Translators: %s is the account's poll, %u how many entries it has, the second %s what
   * they come to */
  body = g_strdup_printf (ngettext ("This records the account of %s as submitted today, with "
                                    "its %u entry coming to %s. Entries can still be made "
                                    "after; they are shown apart, and the account can be "
                                    "submitted again to cover them.",
                                    "This records the account of %s as submitted today, with "
                                    "its %u entries coming to %s. Entries can still be made "
                                    "after; they are shown apart, and the account can be "
                                    "submitted again to cover them.",
                                    self->n_entries),
                          self->title, self->n_entries, total);
  dialog = adw_message_dialog_new (ed_account_parent_window (GTK_WIDGET (self)),
                                   _("Submit the Account?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "submit", _("_Submit"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "submit",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (submit_response_cb), self, 0);
  ed_accessible_name_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
ed_account_claim_view_can_submit (EdAccountClaimView *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_CLAIM_VIEW (self), FALSE);
  return self->can_submit;
}

/* --- the view ----------------------------------------------------------------------------- */

/**
 * ed_account_claim_view_show:
 * @self: the view
 * @context: the district
 * @account: the account; the view keeps none of it
 *
 * Shows @account's claim, fee scales, statement and submission.
 */
void
ed_account_claim_view_show (EdAccountClaimView *self,
                            EdContext          *context,
                            const EdAccount    *account)
{
  gboolean other;

  g_return_if_fail (ED_IS_ACCOUNT_CLAIM_VIEW (self));
  g_return_if_fail (ED_IS_CONTEXT (context) && account != NULL);

  /* Another account's figures replace what was typed for this one. */
  other = g_strcmp0 (self->election_id, account->election->id) != 0;
  g_set_object (&self->context, context);
  g_free (self->election_id);
  self->election_id = g_strdup (account->election->id);
  g_free (self->title);
  self->title = g_strdup (account->election->title);
  g_free (self->slug);
  self->slug = g_strdup (account->election->slug);
  show_claim (self, account, other);
  show_fees (self, account);
  show_statements (self, account);
  show_submission (self, account);
}

/**
 * ed_account_claim_view_clear:
 * @self: the view
 *
 * Lets go of the district and the account shown, as when the district is closed.
 */
void
ed_account_claim_view_clear (EdAccountClaimView *self)
{
  g_return_if_fail (ED_IS_ACCOUNT_CLAIM_VIEW (self));

  g_clear_object (&self->context);
  g_clear_pointer (&self->election_id, g_free);
  g_clear_pointer (&self->parliamentary, g_free);
  g_clear_pointer (&self->slug, g_free);
  set_can_submit (self, FALSE);
}

static void
ed_account_claim_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EdAccountClaimView *self = ED_ACCOUNT_CLAIM_VIEW (object);

  switch (prop_id)
    {
    case PROP_CAN_SUBMIT:
      g_value_set_boolean (value, self->can_submit);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->save_job != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_account_claim_view_dispose (GObject *object)
{
  EdAccountClaimView *self = ED_ACCOUNT_CLAIM_VIEW (object);

  g_clear_object (&self->save_job);
  g_clear_object (&self->context);
  g_clear_pointer (&self->election_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->parliamentary, g_free);
  g_clear_pointer (&self->fee_polls, g_array_unref);
  g_clear_pointer (&self->statements, g_ptr_array_unref);
  g_clear_pointer (&self->statement_rows, g_ptr_array_unref);
  g_clear_pointer (&self->submission_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_account_claim_view_parent_class)->dispose (object);
}

static void
ed_account_claim_view_class_init (EdAccountClaimViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_account_claim_view_dispose;
  object_class->get_property = ed_account_claim_view_get_property;

  /**
   * EdAccountClaimView:can-submit:
   *
   * Whether the account can be submitted: it has entries, and any since its latest
   * submission.
   */
  properties[PROP_CAN_SUBMIT] =
    g_param_spec_boolean ("can-submit", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * EdAccountClaimView:busy:
   *
   * Whether the statement is being written.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdAccountClaimView::changed:
   *
   * A figure was saved or the account submitted: the account is to be read again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  (void)ed_ui_get_resource ();
  g_type_ensure (ED_TYPE_VALIDATED_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/accounts/ed-account-claim-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, mra_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, mra_save_button);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, services_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, expenses_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, overall_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, order_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, claim_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, claim_grid);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, claim_rows_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, recoverable_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, mailings_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, advance_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, advance_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, fee_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, fee_save_button);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, fee_poll_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, per_election_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, per_1000_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, per_area_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, fee_result_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, electors_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, electors_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, contested_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, scale_fee_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, charged_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, over_scale_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, statement_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, statement_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, submission_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, submit_button);
  gtk_widget_class_bind_template_callback (widget_class, mra_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mra_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, fee_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fee_poll_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fee_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, statement_changed_cb);
}

static void
ed_account_claim_view_init (EdAccountClaimView *self)
{
  self->fee_polls = g_array_new (FALSE, TRUE, sizeof (FeePoll));
  g_array_set_clear_func (self->fee_polls, fee_poll_clear);
  self->statements = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  self->statement_rows = g_ptr_array_new ();
  self->submission_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  build_claim_grid (self);
  ed_accessible_name_buttons (GTK_WIDGET (self));
}
