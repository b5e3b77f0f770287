/* ed-account-budget-view.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Accounts page's Budget view: for each cost head the estimate, what is spent and what
 * remains, and their totals, as the run-up to a poll is managed (issue 17, item 4: "budget
 * against actual per head"). The estimate is typed in place, like a spreadsheet's cell, and
 * saved when Enter is pressed or the focus moves on (ed_account_set_estimate ()); Escape puts
 * back what was saved. A head spent beyond its estimate says by how much, as an error.
 *
 * The rows are made once, a head each, and only their texts change as the account is read
 * again: an estimate being typed when another desk's edits arrive keeps what is typed. The
 * registration officer's head is not an election's and has no row. Bringing in the payroll
 * enters the approved runs' staff costs (ed_account_bring_in_payroll ()). */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-job.h"
#include "ui/accounts/ed-account-budget-view.h"
#include "ui/accounts/ed-account-figures.h"
#include "ui/ed-accessible.h"
#include "ui/ed-ui-resources.h"

typedef enum
{
  COLUMN_HEAD,
  COLUMN_ESTIMATE,
  COLUMN_SPENT,
  COLUMN_REMAINING,
} Column;

struct _EdAccountBudgetView
{
  AdwBin      parent_instance;

  EdContext  *context;
  char       *election_id;                       /* the account's first poll */
  EdMoney     estimate[ED_N_COST_HEADS];         /* as saved */
  GtkWidget  *entries[ED_N_COST_HEADS];          /* NULL for a head with no row */
  GtkWidget  *spent[ED_N_COST_HEADS];
  GtkWidget  *remaining[ED_N_COST_HEADS];
  GtkWidget  *total_estimate;
  GtkWidget  *total_spent;
  GtkWidget  *total_remaining;
  gboolean    saving;                            /* an estimate is being written */
  EdJob      *payroll_job;                       /* the payroll being brought in, if any */

  GtkWidget  *summary_label;
  GtkWidget  *evidence_box;
  GtkWidget  *evidence_label;
  GtkWidget  *grid;
  GtkWidget  *error_label;
};

G_DEFINE_FINAL_TYPE (EdAccountBudgetView, ed_account_budget_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHANGED,
  SHOW_MISSING_EVIDENCE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define HEAD_KEY "ed-cost-head"

/* --- an estimate typed -------------------------------------------------------------------- */

static void
show_error (EdAccountBudgetView *self,
            GtkWidget           *entry,
            const char          *message)
{
  if (message == NULL)
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
}

/* The message under the table is the one of the first head in error, so that two mistakes
 * do not hide each other for long. */
static void
show_first_error (EdAccountBudgetView *self)
{
  for (EdCostHead h = 0; h < ED_N_COST_HEADS; h++)
    {
      const char *message;

      if (self->entries[h] == NULL ||
          (message = g_object_get_data (G_OBJECT (self->entries[h]), "ed-error")) == NULL)
        continue;
      gtk_label_set_text (GTK_LABEL (self->error_label), message);
      gtk_widget_set_visible (self->error_label, TRUE);
      return;
    }
  gtk_widget_set_visible (self->error_label, FALSE);
}

static void
set_entry_error (EdAccountBudgetView *self,
                 EdCostHead           head,
                 const char          *message)
{
  g_autofree char *text = NULL;

  if (message != NULL)
    /* Translators: a cost head, then what is wrong with the estimate typed for it */
    text = g_strdup_printf (C_("budget", "%s: %s"), ed_cost_head_get_display_name (head),
                            message);
  g_object_set_data_full (G_OBJECT (self->entries[head]), "ed-error", g_steal_pointer (&text),
                          g_free);
  show_error (self, self->entries[head], message);
  show_first_error (self);
}

/* Saves what is typed for @head if it is an amount other than the one saved. */
static void
commit (EdAccountBudgetView *self,
        EdCostHead           head)
{
  GtkWidget *entry = self->entries[head];
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gboolean wrote = FALSE;
  EdMoney amount;

  if (self->context == NULL || self->election_id == NULL || self->saving)
    return;
  if (!ed_account_parse_amount (gtk_editable_get_text (GTK_EDITABLE (entry)), TRUE, &amount,
                                &error))
    {
      set_entry_error (self, head, error->message);
      return;
    }
  if (amount < 0)
    {
      set_entry_error (self, head, _("An estimate cannot be less than nothing"));
      return;
    }
  set_entry_error (self, head, NULL);
  if (amount != self->estimate[head])
    {
      self->saving = TRUE;
      if (!ed_account_set_estimate (self->context, self->election_id, head, amount, &error))
        {
          self->saving = FALSE;
          set_entry_error (self, head, error->message);
          return;
        }
      self->saving = FALSE;
      self->estimate[head] = amount;
      wrote = TRUE;
    }
  /* As every figure reads: "£1,200.00" for "1200". */
  shown = ed_account_format_estimate (amount);
  if (g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (entry))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), shown);
  g_object_set_data_full (G_OBJECT (entry), "ed-shown", g_steal_pointer (&shown), g_free);
  if (wrote)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
entry_activate_cb (GtkEntry            *entry,
                   EdAccountBudgetView *self)
{
  commit (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), HEAD_KEY)));
}

static void
entry_leave_cb (GtkEventControllerFocus *controller,
                EdAccountBudgetView     *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  const char *shown = g_object_get_data (G_OBJECT (entry), "ed-shown");

  /* Moving through the table without typing saves nothing. */
  if (g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (entry))) != 0)
    commit (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), HEAD_KEY)));
}

/* Escape puts back the estimate saved. */
static gboolean
entry_key_cb (GtkEventControllerKey *controller,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              EdAccountBudgetView   *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  const char *shown = g_object_get_data (G_OBJECT (entry), "ed-shown");
  EdCostHead head = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), HEAD_KEY));

  if (keyval != GDK_KEY_Escape ||
      g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (entry))) == 0)
    return GDK_EVENT_PROPAGATE;
  gtk_editable_set_text (GTK_EDITABLE (entry), shown != NULL ? shown : "");
  set_entry_error (self, head, NULL);
  return GDK_EVENT_STOP;
}

/* --- the table ---------------------------------------------------------------------------- */

static GtkWidget *
heading_label (const char *text,
               float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
estimate_entry_new (EdAccountBudgetView *self,
                    EdCostHead           head)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autofree char *name = NULL;

  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "£0.00");
  gtk_widget_add_css_class (entry, "numeric");
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of the entry for a cost head's estimate */
  name = g_strdup_printf (_("Estimate for %s"), ed_cost_head_get_display_name (head));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (entry), HEAD_KEY, GUINT_TO_POINTER (head));
  g_object_set_data_full (G_OBJECT (entry), "ed-shown", g_strdup (""), g_free);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_leave_cb), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_cb), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (entry, focus);
  gtk_widget_add_controller (entry, keys);
  return entry;
}

static void
build_table (EdAccountBudgetView *self)
{
  GtkGrid *grid = GTK_GRID (self->grid);
  GtkWidget *label;
  int row = 0;

  gtk_grid_attach (grid, heading_label (_("Cost head"), 0), COLUMN_HEAD, row, 1, 1);
  gtk_grid_attach (grid, heading_label (_("Estimate"), 1), COLUMN_ESTIMATE, row, 1, 1);
  gtk_grid_attach (grid, heading_label (C_("budget", "Spent"), 1), COLUMN_SPENT, row, 1, 1);
  gtk_grid_attach (grid, heading_label (C_("budget", "Remaining"), 1), COLUMN_REMAINING, row,
                   1, 1);
  row++;
  for (EdCostHead h = 0; h < ED_N_COST_HEADS; h++)
    {
      if (h == ED_COST_REGISTRATION)
        continue;
      label = gtk_label_new (ed_cost_head_get_display_name (h));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (grid, label, COLUMN_HEAD, row, 1, 1);
      self->entries[h] = estimate_entry_new (self, h);
      gtk_grid_attach (grid, self->entries[h], COLUMN_ESTIMATE, row, 1, 1);
      self->spent[h] = ed_account_amount_label_new ();
      gtk_grid_attach (grid, self->spent[h], COLUMN_SPENT, row, 1, 1);
      self->remaining[h] = ed_account_amount_label_new ();
      gtk_grid_attach (grid, self->remaining[h], COLUMN_REMAINING, row, 1, 1);
      row++;
    }
  gtk_grid_attach (grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row++, 4, 1);
  /* Translators: the row of totals of a table of figures */
  label = heading_label (C_("figures", "Total"), 0);
  gtk_grid_attach (grid, label, COLUMN_HEAD, row, 1, 1);
  self->total_estimate = ed_account_amount_label_new ();
  self->total_spent = ed_account_amount_label_new ();
  self->total_remaining = ed_account_amount_label_new ();
  /* Set apart from the heads above them, and lined up with the entries' text. */
  gtk_widget_set_margin_end (self->total_estimate, 9);
  gtk_widget_add_css_class (self->total_estimate, "heading");
  gtk_widget_add_css_class (self->total_spent, "heading");
  gtk_widget_add_css_class (self->total_remaining, "heading");
  gtk_grid_attach (grid, self->total_estimate, COLUMN_ESTIMATE, row, 1, 1);
  gtk_grid_attach (grid, self->total_spent, COLUMN_SPENT, row, 1, 1);
  gtk_grid_attach (grid, self->total_remaining, COLUMN_REMAINING, row, 1, 1);
}

/* What is left of an estimate, or by how much it is overspent, as an error. */
static void
show_remaining (GtkWidget  *label,
                const char *title,
                EdMoney     estimate,
                EdMoney     spent)
{
  EdMoney remaining = estimate - spent;
  g_autofree char *amount = ed_money_format (remaining < 0 ? -remaining : remaining);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;

  if (remaining < 0)
    {
      /* Translators: how much a cost head is spent beyond its estimate: "£120.00 over" */
      text = g_strdup_printf (C_("budget", "%s over"), amount);
      /* Translators: for a screen reader: a cost head, then how much it is overspent */
      name = g_strdup_printf (C_("budget", "%s, over budget by %s"), title, amount);
    }
  else
    {
      text = g_strdup (amount);
      /* Translators: for a screen reader: a cost head, then what is left of its estimate */
      name = g_strdup_printf (C_("budget", "%s, remaining: %s"), title, amount);
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  ed_account_set_style (label, remaining < 0 ? "error" : estimate == 0 ? "dim-label" : NULL);
}

static void
show_spent (GtkWidget  *label,
            const char *title,
            EdMoney     spent)
{
  g_autofree char *amount = ed_money_format (spent);
  /* Translators: for a screen reader: a cost head, then what is spent under it */
  g_autofree char *name = g_strdup_printf (C_("budget", "%s, spent: %s"), title, amount);

  ed_account_amount_label_set (label, spent, name);
  ed_account_set_style (label, spent == 0 ? "dim-label" : NULL);
}

/* The account's figures in a sentence, and the entries still without evidence. */
static void
show_summary (EdAccountBudgetView *self,
              const EdAccount     *account)
{
  g_autofree char *total = ed_money_format (account->total);
  g_autofree char *vat = ed_money_format (account->vat);
  g_autofree char *text = NULL;
  guint n_entries = account->entries->len;

  if (n_entries == 0)
    text = g_strdup (_("Nothing is spent yet: the estimate can be set before any cost comes "
                       "in."));
  else
    /* Translators: %u is how many entries an account's ledger has, the first %s what they
     * come to, the second the VAT within that */
    text = g_strdup_printf (ngettext ("%u entry, %s in all, of which VAT %s.",
                                      "%u entries, %s in all, of which VAT %s.", n_entries),
                            n_entries, total, vat);
  gtk_label_set_text (GTK_LABEL (self->summary_label), text);
  g_clear_pointer (&text, g_free);

  gtk_widget_set_visible (self->evidence_box, account->missing_evidence > 0);
  if (account->missing_evidence == 0)
    return;
  /* Translators: %u is how many entries of an account have no invoice, receipt or other
   * evidence held, which a claim's scrutiny asks for */
  text = g_strdup_printf (ngettext ("%u entry has no evidence held yet.",
                                    "%u entries have no evidence held yet.",
                                    account->missing_evidence),
                          account->missing_evidence);
  gtk_label_set_text (GTK_LABEL (self->evidence_label), text);
}

/**
 * ed_account_budget_view_show:
 * @self: the view
 * @context: the district
 * @account: the account to show; the view keeps none of it
 *
 * Shows @account's estimate against what is spent, head by head. An estimate being typed
 * keeps what is typed.
 */
void
ed_account_budget_view_show (EdAccountBudgetView *self,
                             EdContext           *context,
                             const EdAccount     *account)
{
  gboolean other;

  g_return_if_fail (ED_IS_ACCOUNT_BUDGET_VIEW (self));
  g_return_if_fail (ED_IS_CONTEXT (context) && account != NULL);

  /* Another account's figures replace what was typed for this one. */
  other = g_strcmp0 (self->election_id, account->election->id) != 0;
  g_set_object (&self->context, context);
  g_free (self->election_id);
  self->election_id = g_strdup (account->election->id);

  for (EdCostHead h = 0; h < ED_N_COST_HEADS; h++)
    {
      GtkWidget *entry = self->entries[h];
      const char *title = ed_cost_head_get_display_name (h);
      const char *shown;
      g_autofree char *text = NULL;

      if (entry == NULL)
        continue;
      self->estimate[h] = account->estimate[h];
      text = ed_account_format_estimate (account->estimate[h]);
      shown = g_object_get_data (G_OBJECT (entry), "ed-shown");
      /* What is typed and not yet saved stays; the rest shows the account. */
      if (other || g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (entry))) == 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (entry), text);
          set_entry_error (self, h, NULL);
        }
      g_object_set_data_full (G_OBJECT (entry), "ed-shown", g_steal_pointer (&text), g_free);
      show_spent (self->spent[h], title, account->spent[h]);
      show_remaining (self->remaining[h], title, account->estimate[h], account->spent[h]);
    }
  {
    g_autofree char *amount = ed_money_format (account->estimate_total);
    /* Translators: for a screen reader: the total of an account's estimate */
    g_autofree char *name = g_strdup_printf (C_("budget", "Total estimate: %s"), amount);

    ed_account_amount_label_set (self->total_estimate, account->estimate_total, name);
    show_spent (self->total_spent, C_("figures", "Total"), account->total);
    show_remaining (self->total_remaining, C_("figures", "Total"), account->estimate_total,
                    account->total);
  }
  show_summary (self, account);
}

/**
 * ed_account_budget_view_clear:
 * @self: the view
 *
 * Lets go of the district and the account shown, as when the district is closed.
 */
void
ed_account_budget_view_clear (EdAccountBudgetView *self)
{
  g_return_if_fail (ED_IS_ACCOUNT_BUDGET_VIEW (self));

  g_clear_object (&self->context);
  g_clear_pointer (&self->election_id, g_free);
}

/**
 * ed_account_budget_view_get_estimate_entry:
 * @self: the view
 * @head: a cost head
 *
 * Returns: (transfer none) (nullable): the entry its estimate is typed in, or %NULL for the
 *   registration officer's head, which has none
 */
GtkWidget *
ed_account_budget_view_get_estimate_entry (EdAccountBudgetView *self,
                                           EdCostHead           head)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_BUDGET_VIEW (self), NULL);
  g_return_val_if_fail (head < ED_N_COST_HEADS, NULL);

  return self->entries[head];
}

typedef struct
{
  char  *election_id;
  guint  n_entries;
} BringIn;

static void
bring_in_free (gpointer data)
{
  BringIn *bring_in = data;

  g_free (bring_in->election_id);
  g_free (bring_in);
}

/* Reading every approved run of a large combination is more than a frame. */
static gboolean
bring_in_work (EdJob         *job,
               GObject       *connection,
               gpointer       task_data,
               GCancellable  *cancellable,
               GError       **error)
{
  BringIn *bring_in = task_data;
  GError *local_error = NULL;

  bring_in->n_entries = ed_account_bring_in_payroll (ED_CONTEXT (connection),
                                                     bring_in->election_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static void
brought_in_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(EdAccountBudgetView) self = user_data;
  g_autoptr(GError) error = NULL;
  BringIn *bring_in = ed_job_get_task_data (ED_JOB (source));
  g_autofree char *text = NULL;

  if (ED_JOB (source) == self->payroll_job)
    {
      g_clear_object (&self->payroll_job);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  if (!ed_job_run_finish (ED_JOB (source), result, &error))
    {
      if (self->context != NULL)
        ed_account_toast (GTK_WIDGET (self), error->message);
      else
        g_debug ("The payroll was not brought in: %s", error->message);
      return;
    }
  /* The view went with its window while the payroll came in: the account has it, and the
   * page will show it when it is next opened. */
  if (self->context == NULL)
    return;
  /* Translators: %u is how many entries of staff costs came into the account from the
   * approved payroll */
  text = g_strdup_printf (ngettext ("%u entry brought in from the payroll",
                                    "%u entries brought in from the payroll",
                                    bring_in->n_entries),
                          bring_in->n_entries);
  ed_account_toast (GTK_WIDGET (self), text);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ed_account_budget_view_bring_in_payroll:
 * @self: the view
 *
 * Enters the staff costs of the approved payroll runs not yet in the account, in a worker
 * thread, and says how many entries that made, or why none, in a toast. The view is busy
 * until it is done.
 */
void
ed_account_budget_view_bring_in_payroll (EdAccountBudgetView *self)
{
  BringIn *bring_in;

  g_return_if_fail (ED_IS_ACCOUNT_BUDGET_VIEW (self));

  if (self->context == NULL || self->election_id == NULL || self->payroll_job != NULL)
    return;
  bring_in = g_new0 (BringIn, 1);
  bring_in->election_id = g_strdup (self->election_id);
  self->payroll_job = g_object_ref (ed_context_run_job_async (self->context, bring_in_work,
                                                              bring_in, bring_in_free, NULL,
                                                              brought_in_cb,
                                                              g_object_ref (self)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * ed_account_budget_view_is_busy:
 * @self: the view
 *
 * Returns: %TRUE while the payroll is being brought in
 */
gboolean
ed_account_budget_view_is_busy (EdAccountBudgetView *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_BUDGET_VIEW (self), FALSE);
  return self->payroll_job != NULL;
}

static void
ed_account_budget_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, ed_account_budget_view_is_busy (ED_ACCOUNT_BUDGET_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
show_missing_clicked_cb (EdAccountBudgetView *self)
{
  g_signal_emit (self, signals[SHOW_MISSING_EVIDENCE], 0);
}

static void
ed_account_budget_view_dispose (GObject *object)
{
  EdAccountBudgetView *self = ED_ACCOUNT_BUDGET_VIEW (object);

  /* Nothing is saved from a view that is going: its entries lose the focus as it goes. */
  g_clear_object (&self->payroll_job);
  g_clear_object (&self->context);
  g_clear_pointer (&self->election_id, g_free);

  G_OBJECT_CLASS (ed_account_budget_view_parent_class)->dispose (object);
}

static void
ed_account_budget_view_class_init (EdAccountBudgetViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_account_budget_view_dispose;
  object_class->get_property = ed_account_budget_view_get_property;

  /**
   * EdAccountBudgetView:busy:
   *
   * Whether the payroll is being brought in.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdAccountBudgetView::changed:
   *
   * An estimate was saved, or the payroll brought in: the account is to be read again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * EdAccountBudgetView::show-missing-evidence:
   *
   * The person asked to see the entries with no evidence held.
   */
  signals[SHOW_MISSING_EVIDENCE] = g_signal_new ("show-missing-evidence",
                                                 G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/accounts/ed-account-budget-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EdAccountBudgetView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountBudgetView, evidence_box);
  gtk_widget_class_bind_template_child (widget_class, EdAccountBudgetView, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountBudgetView, grid);
  gtk_widget_class_bind_template_child (widget_class, EdAccountBudgetView, error_label);
  gtk_widget_class_bind_template_callback (widget_class, show_missing_clicked_cb);
}

static void
ed_account_budget_view_init (EdAccountBudgetView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_table (self);
  ed_accessible_name_buttons (GTK_WIDGET (self));
}
