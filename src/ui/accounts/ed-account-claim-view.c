/* ed-account-claim-view.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Accounts page's Claim view (issue 17, items 3 and 4), one page of four parts, each a
 * group of its own: for a UK Parliamentary poll, the maximum recoverable amounts and the claim
 * checked against them (ed-account-recoverable-group.c); for a local poll, the council's fee
 * scale and the fee it gives (ed-account-fee-group.c); the statement's summary as it will be
 * published, and Save Statement… (ed-account-statement-group.c); and the account's submission
 * (ed-account-submission-group.c). The view shows each the account, and tells the page when
 * one has changed the district, is busy, or can submit. */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include "ui/accounts/ed-account-claim-view.h"
#include "ui/accounts/ed-account-fee-group.h"
#include "ui/accounts/ed-account-recoverable-group.h"
#include "ui/accounts/ed-account-statement-group.h"
#include "ui/accounts/ed-account-submission-group.h"
#include "ui/ed-ui-resources.h"

struct _EdAccountClaimView
{
  AdwBin      parent_instance;

  char       *election_id;     /* the account shown: its first poll */

  GtkWidget  *recoverable_group;
  GtkWidget  *fee_group;
  GtkWidget  *statement_group;
  GtkWidget  *submission_group;
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

static void
part_changed_cb (EdAccountClaimView *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
busy_changed_cb (EdAccountClaimView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
can_submit_changed_cb (EdAccountClaimView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SUBMIT]);
}

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
  g_free (self->election_id);
  self->election_id = g_strdup (account->election->id);
  ed_account_recoverable_group_show (ED_ACCOUNT_RECOVERABLE_GROUP (self->recoverable_group),
                                     context, account, other);
  ed_account_fee_group_show (ED_ACCOUNT_FEE_GROUP (self->fee_group), context, account);
  ed_account_statement_group_show (ED_ACCOUNT_STATEMENT_GROUP (self->statement_group), context,
                                   account);
  ed_account_submission_group_show (ED_ACCOUNT_SUBMISSION_GROUP (self->submission_group),
                                    context, account);
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

  g_clear_pointer (&self->election_id, g_free);
  ed_account_recoverable_group_clear (ED_ACCOUNT_RECOVERABLE_GROUP (self->recoverable_group));
  ed_account_fee_group_clear (ED_ACCOUNT_FEE_GROUP (self->fee_group));
  ed_account_statement_group_clear (ED_ACCOUNT_STATEMENT_GROUP (self->statement_group));
  ed_account_submission_group_clear (ED_ACCOUNT_SUBMISSION_GROUP (self->submission_group));
}

/**
 * ed_account_claim_view_can_submit:
 * @self: the view
 *
 * Returns: whether the account can be submitted (#EdAccountClaimView:can-submit)
 */
gboolean
ed_account_claim_view_can_submit (EdAccountClaimView *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_CLAIM_VIEW (self), FALSE);
  /* Asked by the page as it goes, after the view's parts may have gone. */
  return self->submission_group != NULL &&
         ed_account_submission_group_can_submit (
           ED_ACCOUNT_SUBMISSION_GROUP (self->submission_group));
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
  g_return_if_fail (ED_IS_ACCOUNT_CLAIM_VIEW (self));
  ed_account_submission_group_submit (ED_ACCOUNT_SUBMISSION_GROUP (self->submission_group));
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
  g_return_if_fail (ED_IS_ACCOUNT_CLAIM_VIEW (self));
  ed_account_statement_group_save (ED_ACCOUNT_STATEMENT_GROUP (self->statement_group), file);
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
  g_return_if_fail (ED_IS_ACCOUNT_CLAIM_VIEW (self));
  ed_account_statement_group_choose_file (ED_ACCOUNT_STATEMENT_GROUP (self->statement_group));
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
  return self->statement_group != NULL &&
         ed_account_statement_group_is_busy (ED_ACCOUNT_STATEMENT_GROUP (self->statement_group));
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
      g_value_set_boolean (value, ed_account_claim_view_can_submit (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, ed_account_claim_view_is_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_account_claim_view_dispose (GObject *object)
{
  EdAccountClaimView *self = ED_ACCOUNT_CLAIM_VIEW (object);

  g_clear_pointer (&self->election_id, g_free);

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
  g_type_ensure (ED_TYPE_ACCOUNT_RECOVERABLE_GROUP);
  g_type_ensure (ED_TYPE_ACCOUNT_FEE_GROUP);
  g_type_ensure (ED_TYPE_ACCOUNT_STATEMENT_GROUP);
  g_type_ensure (ED_TYPE_ACCOUNT_SUBMISSION_GROUP);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/accounts/ed-account-claim-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, recoverable_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, fee_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, statement_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountClaimView, submission_group);
  gtk_widget_class_bind_template_callback (widget_class, part_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, busy_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, can_submit_changed_cb);
}

static void
ed_account_claim_view_init (EdAccountClaimView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
