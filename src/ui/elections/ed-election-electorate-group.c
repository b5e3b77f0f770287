/* ed-election-electorate-group.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Who may vote in each contest of the election shown, by the way they vote and by polling
 * station, counted from the register in a worker thread. The count also gives the poll
 * cards to send, which the group hands on with "counted". */

#define G_LOG_DOMAIN "ed-ui-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "elections/ed-election-electorate.h"
#include "ui/elections/ed-election-detail-private.h"
#include "ui/elections/ed-election-electorate-group.h"

struct _EdElectionElectorateGroup
{
  AdwPreferencesGroup  parent_instance;

  EdContext           *context;
  EdElection          *election;                /* the detail's */
  GCancellable        *electorate_cancellable;  /* the count under way, if any */

  GtkWidget           *electorate_spinner;
  GtkWidget           *electorate_status;
  GtkWidget           *electorate_list;
};

G_DEFINE_FINAL_TYPE (EdElectionElectorateGroup, ed_election_electorate_group,
                     ADW_TYPE_PREFERENCES_GROUP)

enum
{
  COUNTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "1,234 electors · In Person: 1,100 · Postal: 100 · Proxy: 30 · Postal Proxy: 4" */
static char *
describe_count (const EdElectorateCount *count)
{
  g_autofree char *total = _ed_election_detail_format_count (count->electors);
  GString *text = g_string_new (NULL);

  /* Translators: %s is a count with its thousands grouped, "1,234" */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s elector", "%s electors",
                                             (gulong)count->electors), total);
  for (guint way = 0; way < ED_N_POLL_CARD_VARIANTS; way++)
    {
      g_autofree char *n = _ed_election_detail_format_count (count->by_way[way]);

      g_string_append (text, " · ");
      /* Translators: a way of voting and its electors: "Postal: 100" */
      g_string_append_printf (text, _("%s: %s"), ed_electorate_way_get_display_name (way), n);
    }
  return g_string_free (text, FALSE);
}

static gint
find_poll (EdElectionElectorate *electorate,
           const char           *election_id)
{
  for (guint i = 0; i < electorate->n_polls; i++)
    if (g_strcmp0 (electorate->polls[i].election->id, election_id) == 0)
      return (gint)i;
  return -1;
}

static void
show_electorate_status (EdElectionElectorateGroup *self,
                        const char                *text)
{
  gtk_label_set_text (GTK_LABEL (self->electorate_status), text);
  gtk_widget_set_visible (self->electorate_status, text != NULL);
}

/* Each station's electors of one contest, and those whose address has no station. */
static void
add_station_rows (EdElectionElectorateGroup *self,
                  EdElectionElectorate      *electorate,
                  guint                      poll,
                  guint                      contest,
                  AdwExpanderRow            *expander)
{
  GPtrArray *stations = electorate->roll->stations;

  for (gint i = 0; i <= (gint)stations->len; i++)
    {
      gint station = i < (gint)stations->len ? i : -1;
      const EdElectorateCount *count =
        ed_election_electorate_get_station (electorate, poll, contest, station);
      g_autofree char *electors = NULL;
      g_autofree char *postal = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (count->electors == 0)
        continue;
      electors = _ed_election_detail_format_count (count->electors);
      postal = _ed_election_detail_format_count (count->by_way[ED_POLL_CARD_POSTAL] +
                                                 count->by_way[ED_POLL_CARD_PROXY_POSTAL]);
      /* Translators: "312 electors, of which 40 vote by post"; the first %s is a count */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s elector, of which %s vote by post",
                                               "%s electors, of which %s vote by post",
                                               (gulong)count->electors),
                                  electors, postal);
      if (station >= 0)
        {
          const EdRollStation *s = g_ptr_array_index (stations, station);

          /* Translators: a polling station's code and its place: "AV1 · Ashmere School" */
          title = g_strdup_printf (_("%s · %s"), s->code, s->place_name);
        }
      else
        title = g_strdup (_("No polling station"));
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (station < 0)
        gtk_widget_add_css_class (row, "warning");
      adw_expander_row_add_row (expander, row);
    }
}

static void
show_electorate (EdElectionElectorateGroup *self,
                 EdElectionElectorate      *electorate)
{
  gint poll = find_poll (electorate, self->election->id);
  EdPollElectorate *poll_electorate;
  gboolean fixed = g_date_valid (&self->election->electorate_fixed_on);
  g_autofree char *fixed_day = fixed ? ed_date_format_long (&self->election->electorate_fixed_on)
                                     : NULL;
  guint n_rows = 0;

  _ed_election_detail_clear_list (self->electorate_list);
  if (poll < 0)
    {
      show_electorate_status (self, _("The poll is not in the combination counted."));
      return;
    }
  poll_electorate = &electorate->polls[poll];
  for (guint i = 0; i < poll_electorate->election->contests->len; i++)
    {
      const EdContest *contest = g_ptr_array_index (poll_electorate->election->contests, i);
      const EdContest *shown = i < self->election->contests->len
                                 ? g_ptr_array_index (self->election->contests, i) : NULL;
      g_autofree char *live = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (!contest->contested)
        continue;
      live = describe_count (&poll_electorate->contests[i].total);
      if (fixed && shown != NULL)
        {
          g_autofree char *count = _ed_election_detail_format_count (shown->fixed_electorate);

          /* Translators: the live figures, then the electorate the final notice fixed:
           * "1,234 electors · …\nFixed on Thursday 15 April 2027 at 1,230" */
          subtitle = g_strdup_printf (_("%s\nFixed on %s at %s"), live, fixed_day, count);
        }
      else
        subtitle = g_steal_pointer (&live);
      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), contest->name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      add_station_rows (self, electorate, (guint)poll, i, ADW_EXPANDER_ROW (row));
      gtk_list_box_append (GTK_LIST_BOX (self->electorate_list), row);
      n_rows++;
    }
  if (n_rows > 1)
    {
      g_autofree char *total = describe_count (&poll_electorate->total);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Whole poll"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), total);
      gtk_list_box_prepend (GTK_LIST_BOX (self->electorate_list), row);
    }
  gtk_widget_set_visible (self->electorate_list, n_rows > 0);
  show_electorate_status (self, n_rows > 0 ? NULL
                                           : _("No contest is contested: no poll is held."));
}

static void
electorate_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(EdElectionElectorateGroup) self = data;
  g_autoptr(EdElectionElectorate) electorate = NULL;
  g_autoptr(GError) error = NULL;

  electorate = ed_election_electorate_compute_finish (ED_JOB (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Only the latest count is shown: an earlier one was cancelled when it started, as the
   * count under way is when the page goes. */
  g_clear_object (&self->electorate_cancellable);
  gtk_spinner_stop (GTK_SPINNER (self->electorate_spinner));
  gtk_widget_set_visible (self->electorate_spinner, FALSE);
  if (self->election == NULL)
    return;
  if (electorate == NULL)
    {
      g_autofree char *why = g_strdup_printf (_("The electorate could not be counted: %s"),
                                              error->message);

      _ed_election_detail_clear_list (self->electorate_list);
      gtk_widget_set_visible (self->electorate_list, FALSE);
      show_electorate_status (self, why);
      g_signal_emit (self, signals[COUNTED], 0, (gint64)-1);
      return;
    }
  show_electorate (self, electorate);
  g_signal_emit (self, signals[COUNTED], 0, electorate->cards);
}

/**
 * ed_election_electorate_group_count:
 * @self: the group
 *
 * Counts the electorate of the election shown afresh, cancelling a count under way.
 */
void
ed_election_electorate_group_count (EdElectionElectorateGroup *self)
{
  g_return_if_fail (ED_IS_ELECTION_ELECTORATE_GROUP (self));

  if (self->electorate_cancellable != NULL)
    g_cancellable_cancel (self->electorate_cancellable);
  g_clear_object (&self->electorate_cancellable);
  if (self->election == NULL)
    {
      gtk_spinner_stop (GTK_SPINNER (self->electorate_spinner));
      gtk_widget_set_visible (self->electorate_spinner, FALSE);
      return;
    }
  self->electorate_cancellable = g_cancellable_new ();
  gtk_widget_set_visible (self->electorate_spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->electorate_spinner));
  /* The rows shown stay until the new count replaces them, so a reload does not flicker. */
  if (gtk_widget_get_first_child (self->electorate_list) == NULL)
    show_electorate_status (self, _("Counting…"));
  ed_election_electorate_compute_async (self->context, self->election->id,
                                        self->electorate_cancellable, electorate_done_cb,
                                        g_object_ref (self));
}

/**
 * ed_election_electorate_group_set_election:
 * @self: the group
 * @context: (nullable): the district
 * @election: (nullable): the election shown, which the detail keeps until it gives another
 *
 * Takes @election as the one shown; ed_election_electorate_group_count() counts it.
 */
void
ed_election_electorate_group_set_election (EdElectionElectorateGroup *self,
                                           EdContext                 *context,
                                           EdElection                *election)
{
  g_return_if_fail (ED_IS_ELECTION_ELECTORATE_GROUP (self));

  g_set_object (&self->context, context);
  self->election = election;
}

/**
 * ed_election_electorate_group_is_counting:
 * @self: the group
 *
 * Returns: %TRUE while the electorate is being counted
 */
gboolean
ed_election_electorate_group_is_counting (EdElectionElectorateGroup *self)
{
  g_return_val_if_fail (ED_IS_ELECTION_ELECTORATE_GROUP (self), FALSE);

  return self->electorate_cancellable != NULL;
}

static void
ed_election_electorate_group_dispose (GObject *object)
{
  EdElectionElectorateGroup *self = ED_ELECTION_ELECTORATE_GROUP (object);

  if (self->electorate_cancellable != NULL)
    g_cancellable_cancel (self->electorate_cancellable);
  g_clear_object (&self->electorate_cancellable);
  g_clear_object (&self->context);
  self->election = NULL;

  G_OBJECT_CLASS (ed_election_electorate_group_parent_class)->dispose (object);
}

static void
ed_election_electorate_group_class_init (EdElectionElectorateGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_election_electorate_group_dispose;

  /**
   * EdElectionElectorateGroup::counted:
   * @cards: the poll cards the count found to send, or -1 when it failed
   *
   * A count finished and is shown.
   */
  signals[COUNTED] = g_signal_new ("counted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/elections/ed-election-electorate-group.ui");
  gtk_widget_class_bind_template_child (widget_class, EdElectionElectorateGroup,
                                        electorate_spinner);
  gtk_widget_class_bind_template_child (widget_class, EdElectionElectorateGroup,
                                        electorate_status);
  gtk_widget_class_bind_template_child (widget_class, EdElectionElectorateGroup,
                                        electorate_list);
}

static void
ed_election_electorate_group_init (EdElectionElectorateGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
