/* ed-election-polling-group.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Polling day for the election shown: its polling-station registers (a row of their own),
 * its poll cards with how many the last count found to send, and, for a Welsh community
 * council's poll, whether the council asked for cards. Changing that request changes the
 * cards, so the group says "cards-requested-changed" and the electorate is counted afresh. */

#define G_LOG_DOMAIN "ed-ui-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ui/elections/ed-election-detail-private.h"
#include "ui/elections/ed-election-polling-group.h"
#include "ui/elections/ed-poll-card-dialog.h"

struct _EdElectionPollingGroup
{
  AdwPreferencesGroup  parent_instance;

  EdContext           *context;
  EdElection          *election;   /* the detail's */
  gint64               cards;      /* the cards last counted, or -1 */
  gboolean             rebuilding; /* the switch is being set: it is not an edit */

  GtkWidget           *registers_row;
  GtkWidget           *cards_requested_row;
  GtkWidget           *cards_requested_switch;
  GtkWidget           *poll_cards_count;
  GtkWidget           *poll_cards_button;
};

G_DEFINE_FINAL_TYPE (EdElectionPollingGroup, ed_election_polling_group,
                     ADW_TYPE_PREFERENCES_GROUP)

enum
{
  CARDS_REQUESTED_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
poll_cards_clicked_cb (EdElectionPollingGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->election == NULL)
    return;
  dialog = ed_poll_card_dialog_new (self->context, self->election);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Cards go out if the poll sends them, or, for a Welsh community poll its council has not
 * asked for them, when the count finds some all the same: anonymous electors always get one,
 * and a poll combined with it may send them (DOMAIN.md §2.1). */
static void
show_poll_cards (EdElectionPollingGroup *self)
{
  gboolean community = self->election != NULL &&
                       self->election->kind == ED_ELECTION_PARISH &&
                       self->election->country == ED_COUNTRY_WALES;

  gtk_widget_set_visible (self->cards_requested_row, community);
  if (community)
    gtk_switch_set_active (GTK_SWITCH (self->cards_requested_switch),
                           self->election->cards_requested);
  gtk_widget_set_sensitive (self->poll_cards_button,
                            self->election != NULL &&
                            (self->election->cards_requested || self->cards > 0));
  if (self->cards >= 0)
    {
      g_autofree char *n = _ed_election_detail_format_count (self->cards);
      /* Translators: %s is a count of poll cards with its thousands grouped, "1,234" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s card to send",
                                                            "%s cards to send",
                                                            (gulong)self->cards),
                                               n);

      gtk_label_set_text (GTK_LABEL (self->poll_cards_count), text);
    }
  gtk_widget_set_visible (self->poll_cards_count, self->election != NULL && self->cards >= 0);
}

static void
cards_requested_cb (EdElectionPollingGroup *self)
{
  gboolean requested = gtk_switch_get_active (GTK_SWITCH (self->cards_requested_switch));
  g_autoptr(GError) error = NULL;

  if (self->rebuilding || self->election == NULL ||
      requested == self->election->cards_requested)
    return;
  if (!ed_election_set_cards_requested (self->context, self->election, requested, &error))
    {
      self->rebuilding = TRUE;
      gtk_switch_set_active (GTK_SWITCH (self->cards_requested_switch), !requested);
      self->rebuilding = FALSE;
      _ed_election_detail_toast (GTK_WIDGET (self), error->message);
      return;
    }
  /* The cards counted go with the request: counted afresh, as the electorate is. */
  show_poll_cards (self);
  g_signal_emit (self, signals[CARDS_REQUESTED_CHANGED], 0);
}

/**
 * ed_election_polling_group_set_election:
 * @self: the group
 * @context: (nullable): the district
 * @election: (nullable): the election shown, which the detail keeps until it gives another
 *
 * Shows polling day for @election, with the cards last counted.
 */
void
ed_election_polling_group_set_election (EdElectionPollingGroup *self,
                                        EdContext              *context,
                                        EdElection             *election)
{
  g_return_if_fail (ED_IS_ELECTION_POLLING_GROUP (self));

  g_set_object (&self->context, context);
  self->election = election;
  ed_election_registers_row_set_election (ED_ELECTION_REGISTERS_ROW (self->registers_row),
                                          context, election);
  show_poll_cards (self);
}

/**
 * ed_election_polling_group_set_cards:
 * @self: the group
 * @cards: the poll cards the last count found to send, or -1 when none is known
 *
 * Shows how many cards there are to send.
 */
void
ed_election_polling_group_set_cards (EdElectionPollingGroup *self,
                                     gint64                  cards)
{
  g_return_if_fail (ED_IS_ELECTION_POLLING_GROUP (self));

  self->cards = cards;
  show_poll_cards (self);
}

/**
 * ed_election_polling_group_get_registers_row:
 * @self: the group
 *
 * Returns: (transfer none): the row that saves the polling-station registers
 */
EdElectionRegistersRow *
ed_election_polling_group_get_registers_row (EdElectionPollingGroup *self)
{
  g_return_val_if_fail (ED_IS_ELECTION_POLLING_GROUP (self), NULL);

  return ED_ELECTION_REGISTERS_ROW (self->registers_row);
}

static void
ed_election_polling_group_dispose (GObject *object)
{
  EdElectionPollingGroup *self = ED_ELECTION_POLLING_GROUP (object);

  /* The switch going with the template is not an edit. */
  self->rebuilding = TRUE;
  g_clear_object (&self->context);
  self->election = NULL;

  G_OBJECT_CLASS (ed_election_polling_group_parent_class)->dispose (object);
}

static void
ed_election_polling_group_class_init (EdElectionPollingGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_election_polling_group_dispose;

  /**
   * EdElectionPollingGroup::cards-requested-changed:
   *
   * The community council's request for poll cards was changed and saved: the cards are to
   * be counted afresh.
   */
  signals[CARDS_REQUESTED_CHANGED] =
    g_signal_new ("cards-requested-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ED_TYPE_ELECTION_REGISTERS_ROW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/elections/ed-election-polling-group.ui");
  gtk_widget_class_bind_template_child (widget_class, EdElectionPollingGroup, registers_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectionPollingGroup,
                                        cards_requested_row);
  gtk_widget_class_bind_template_child (widget_class, EdElectionPollingGroup,
                                        cards_requested_switch);
  gtk_widget_class_bind_template_child (widget_class, EdElectionPollingGroup, poll_cards_count);
  gtk_widget_class_bind_template_child (widget_class, EdElectionPollingGroup, poll_cards_button);
  gtk_widget_class_bind_template_callback (widget_class, poll_cards_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cards_requested_cb);
}

static void
ed_election_polling_group_init (EdElectionPollingGroup *self)
{
  self->cards = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}
