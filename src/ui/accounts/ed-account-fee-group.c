/* ed-account-fee-group.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Claim view's part for the local polls of an account (issue 17, item 3): the council's
 * scale for the returning officer's fee at each (ed_account_set_fee_scale ()) and the fee it
 * gives against what was charged (DOMAIN.md §5.3). The group keeps its own copy of each
 * poll's figures, so that choosing another poll needs no account. An account with no local
 * poll shows none of it. */

#define G_LOG_DOMAIN "ed-ui-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/accounts/ed-account-fee-group.h"
#include "ui/accounts/ed-account-figures.h"
#include "ui/accounts/ed-account-typed.h"
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

struct _EdAccountFeeGroup
{
  AdwPreferencesGroup  parent_instance;

  EdContext  *context;
  GArray     *fee_polls;       /* FeePoll */
  gboolean    filling;         /* the choices are being shown: not the person's */

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
};

G_DEFINE_FINAL_TYPE (EdAccountFeeGroup, ed_account_fee_group, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fee_poll_clear (gpointer data)
{
  FeePoll *poll = data;

  g_free (poll->id);
  g_free (poll->title);
}

static FeePoll *
chosen_fee_poll (EdAccountFeeGroup *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->fee_poll_row));

  if (self->fee_polls->len == 0)
    return NULL;
  return &g_array_index (self->fee_polls, FeePoll, MIN (selected, self->fee_polls->len - 1));
}

static gboolean
read_scale (EdAccountFeeGroup *self,
            EdFeeScale        *out)
{
  gboolean per_election = ed_account_typed_read_amount (self->per_election_row, TRUE,
                                                        &out->per_election);
  gboolean per_1000 = ed_account_typed_read_amount (self->per_1000_row, TRUE,
                                                    &out->per_1000_electors);
  gboolean per_area = ed_account_typed_read_amount (self->per_area_row, TRUE,
                                                    &out->per_contested_area);

  return per_election && per_1000 && per_area;
}

static void
fee_changed_cb (EdAccountFeeGroup *self)
{
  EdFeeScale scale;
  FeePoll *poll = chosen_fee_poll (self);
  gboolean valid = read_scale (self, &scale);
  gboolean changed = ed_account_typed_differs (self->per_election_row) ||
                     ed_account_typed_differs (self->per_1000_row) ||
                     ed_account_typed_differs (self->per_area_row);

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
show_fee_poll (EdAccountFeeGroup *self,
               gboolean           force)
{
  FeePoll *poll = chosen_fee_poll (self);

  if (poll == NULL)
    return;
  ed_account_typed_show_amount (self->per_election_row, poll->has_scale,
                                poll->scale.per_election, force);
  ed_account_typed_show_amount (self->per_1000_row, poll->has_scale,
                                poll->scale.per_1000_electors, force);
  ed_account_typed_show_amount (self->per_area_row, poll->has_scale,
                                poll->scale.per_contested_area, force);
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
fee_poll_changed_cb (EdAccountFeeGroup *self)
{
  if (!self->filling)
    show_fee_poll (self, TRUE);
}

static void
fee_save_clicked_cb (EdAccountFeeGroup *self)
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
  ed_account_typed_show_amount (self->per_election_row, TRUE, scale.per_election, TRUE);
  ed_account_typed_show_amount (self->per_1000_row, TRUE, scale.per_1000_electors, TRUE);
  ed_account_typed_show_amount (self->per_area_row, TRUE, scale.per_contested_area, TRUE);
  gtk_widget_set_sensitive (self->fee_save_button, FALSE);
  /* Translators: %s is a poll, "Ashmere Vale District Council" */
  text = g_strdup_printf (_("Fee scale saved for %s"), poll->title);
  ed_account_toast (GTK_WIDGET (self), text);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ed_account_fee_group_show:
 * @self: the group
 * @context: the district
 * @account: the account; the group keeps none of it
 *
 * Shows the fee scale of each local poll of @account and the fee it gives, keeping the poll
 * chosen and, for that poll, what was typed and not saved; or nothing when it has no such
 * poll.
 */
void
ed_account_fee_group_show (EdAccountFeeGroup *self,
                           EdContext         *context,
                           const EdAccount   *account)
{
  FeePoll *chosen;
  g_autofree char *chosen_id = NULL;
  g_autoptr(GtkStringList) names = NULL;
  gboolean same_poll = FALSE;
  guint selected = 0;

  g_return_if_fail (ED_IS_ACCOUNT_FEE_GROUP (self));
  g_return_if_fail (ED_IS_CONTEXT (context) && account != NULL);

  g_set_object (&self->context, context);
  chosen = chosen_fee_poll (self);
  chosen_id = chosen != NULL ? g_strdup (chosen->id) : NULL;
  names = gtk_string_list_new (NULL);
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
  gtk_widget_set_visible (GTK_WIDGET (self), self->fee_polls->len > 0);
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

/**
 * ed_account_fee_group_clear:
 * @self: the group
 *
 * Lets go of the district, as when it is closed.
 */
void
ed_account_fee_group_clear (EdAccountFeeGroup *self)
{
  g_return_if_fail (ED_IS_ACCOUNT_FEE_GROUP (self));

  g_clear_object (&self->context);
}

static void
ed_account_fee_group_dispose (GObject *object)
{
  EdAccountFeeGroup *self = ED_ACCOUNT_FEE_GROUP (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->fee_polls, g_array_unref);

  G_OBJECT_CLASS (ed_account_fee_group_parent_class)->dispose (object);
}

static void
ed_account_fee_group_class_init (EdAccountFeeGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_account_fee_group_dispose;

  /**
   * EdAccountFeeGroup::changed:
   *
   * A poll's fee scale was saved: the account is to be read again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  (void)ed_ui_get_resource ();
  g_type_ensure (ED_TYPE_VALIDATED_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/accounts/ed-account-fee-group.ui");
  gtk_widget_class_bind_template_child (widget_class, EdAccountFeeGroup, fee_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountFeeGroup, fee_save_button);
  gtk_widget_class_bind_template_child (widget_class, EdAccountFeeGroup, fee_poll_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountFeeGroup, per_election_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountFeeGroup, per_1000_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountFeeGroup, per_area_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountFeeGroup, fee_result_group);
  gtk_widget_class_bind_template_child (widget_class, EdAccountFeeGroup, electors_row);
  gtk_widget_class_bind_template_child (widget_class, EdAccountFeeGroup, electors_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountFeeGroup, contested_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountFeeGroup, scale_fee_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountFeeGroup, charged_label);
  gtk_widget_class_bind_template_child (widget_class, EdAccountFeeGroup, over_scale_label);
  gtk_widget_class_bind_template_callback (widget_class, fee_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fee_poll_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fee_save_clicked_cb);
}

static void
ed_account_fee_group_init (EdAccountFeeGroup *self)
{
  self->fee_polls = g_array_new (FALSE, TRUE, sizeof (FeePoll));
  g_array_set_clear_func (self->fee_polls, fee_poll_clear);
  gtk_widget_init_template (GTK_WIDGET (self));
  ed_accessible_name_buttons (GTK_WIDGET (self));
}
