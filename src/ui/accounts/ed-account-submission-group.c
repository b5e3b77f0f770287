/* ed-account-submission-group.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Claim view's submission (issue 17, item 4): Submit Account…, which records the account
 * as submitted today (ed_account_lock ()) once the person has said so, and what has happened
 * since each submission: entries made after it, or a change among those it covered. */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "ui/accounts/ed-account-figures.h"
#include "ui/accounts/ed-account-submission-group.h"
#include "ui/ed-accessible.h"
#include "ui/ed-ui-resources.h"

struct _EdAccountSubmissionGroup
{
  AdwPreferencesGroup  parent_instance;

  EdContext  *context;
  char       *election_id;     /* the account's first poll */
  char       *title;           /* the account, in words */
  GPtrArray  *submission_rows;
  guint       n_entries;
  EdMoney     total;
  gboolean    can_submit;

  GtkWidget  *submit_button;
};

G_DEFINE_FINAL_TYPE (EdAccountSubmissionGroup, ed_account_submission_group,
                     ADW_TYPE_PREFERENCES_GROUP)

enum
{
  PROP_0,
  PROP_CAN_SUBMIT,
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
add_submission_row (EdAccountSubmissionGroup *self,
                    const char               *title,
                    const char               *subtitle,
                    const char               *style)
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
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->submission_rows, row);
}

static void
set_can_submit (EdAccountSubmissionGroup *self,
                gboolean                  can_submit)
{
  if (self->can_submit == can_submit)
    return;
  self->can_submit = can_submit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SUBMIT]);
}

/**
 * ed_account_submission_group_show:
 * @self: the group
 * @context: the district
 * @account: the account; the group keeps none of it
 *
 * Shows @account's submissions and what has happened since, and whether it can be submitted.
 */
void
ed_account_submission_group_show (EdAccountSubmissionGroup *self,
                                  EdContext                *context,
                                  const EdAccount          *account)
{
  g_return_if_fail (ED_IS_ACCOUNT_SUBMISSION_GROUP (self));
  g_return_if_fail (ED_IS_CONTEXT (context) && account != NULL);

  g_set_object (&self->context, context);
  g_free (self->election_id);
  self->election_id = g_strdup (account->election->id);
  g_free (self->title);
  self->title = g_strdup (account->election->title);

  for (guint i = 0; i < self->submission_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
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
submit_response_cb (AdwMessageDialog         *dialog,
                    const char               *response,
                    EdAccountSubmissionGroup *self)
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
 * ed_account_submission_group_submit:
 * @self: the group
 *
 * Asks whether to record the account as submitted today, and does on the answer.
 */
void
ed_account_submission_group_submit (EdAccountSubmissionGroup *self)
{
  g_autofree char *total = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (ED_IS_ACCOUNT_SUBMISSION_GROUP (self));

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

/**
 * ed_account_submission_group_can_submit:
 * @self: the group
 *
 * Returns: whether the account has entries, and any since its latest submission
 */
gboolean
ed_account_submission_group_can_submit (EdAccountSubmissionGroup *self)
{
  g_return_val_if_fail (ED_IS_ACCOUNT_SUBMISSION_GROUP (self), FALSE);
  return self->can_submit;
}


/**
 * ed_account_submission_group_clear:
 * @self: the group
 *
 * Lets go of the district and the account shown, as when the district is closed.
 */
void
ed_account_submission_group_clear (EdAccountSubmissionGroup *self)
{
  g_return_if_fail (ED_IS_ACCOUNT_SUBMISSION_GROUP (self));

  g_clear_object (&self->context);
  g_clear_pointer (&self->election_id, g_free);
  set_can_submit (self, FALSE);
}

static void
ed_account_submission_group_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  EdAccountSubmissionGroup *self = ED_ACCOUNT_SUBMISSION_GROUP (object);

  switch (prop_id)
    {
    case PROP_CAN_SUBMIT:
      g_value_set_boolean (value, self->can_submit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_account_submission_group_dispose (GObject *object)
{
  EdAccountSubmissionGroup *self = ED_ACCOUNT_SUBMISSION_GROUP (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->election_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->submission_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_account_submission_group_parent_class)->dispose (object);
}

static void
ed_account_submission_group_class_init (EdAccountSubmissionGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_account_submission_group_dispose;
  object_class->get_property = ed_account_submission_group_get_property;

  /**
   * EdAccountSubmissionGroup:can-submit:
   *
   * Whether the account can be submitted: it has entries, and any since its latest
   * submission.
   */
  properties[PROP_CAN_SUBMIT] =
    g_param_spec_boolean ("can-submit", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EdAccountSubmissionGroup::changed:
   *
   * The account was submitted: it is to be read again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/accounts/ed-account-submission-group.ui");
  gtk_widget_class_bind_template_child (widget_class, EdAccountSubmissionGroup, submit_button);
}

static void
ed_account_submission_group_init (EdAccountSubmissionGroup *self)
{
  self->submission_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  ed_accessible_name_buttons (GTK_WIDGET (self));
}
