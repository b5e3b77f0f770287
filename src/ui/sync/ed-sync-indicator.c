/* ed-sync-indicator.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "ui/ed-ui-resources.h"
#include "ui/sync/ed-sync-indicator.h"

/* The sync button in the window's header bar: synced (with how long ago in its tooltip),
 * syncing, failed (with why) or conflicts to settle (with how many). It opens the Sync page.
 * Its one accessible name says the state, and changes with it. */

/* How often "Synced 2 minutes ago" is brought up to date. */
#define AGE_REFRESH_S 30

struct _EdSyncIndicator
{
  GtkButton             parent_instance;

  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkLabel             *conflict_label;

  EdSyncIndicatorState  state;
  gint64                last_sync_ms;
  guint                 age_id;
};

G_DEFINE_FINAL_TYPE (EdSyncIndicator, ed_sync_indicator, GTK_TYPE_BUTTON)

static const char * const state_names[] = { "synced", "syncing", "failed", "conflicts", "waiting" };

/**
 * ed_sync_indicator_describe_age:
 * @last_sync_ms: when the last sync ended, in milliseconds since 1970; 0 if never
 * @now_ms: the time now, likewise
 *
 * Returns: (transfer full): "Synced 2 minutes ago", or the like
 */
char *
ed_sync_indicator_describe_age (gint64 last_sync_ms,
                                gint64 now_ms)
{
  gint64 minutes;
  gint64 hours;
  gint64 days;

  if (last_sync_ms <= 0)
    return g_strdup (_("Not synced yet"));
  minutes = MAX (now_ms - last_sync_ms, 0) / 60000;
  hours = minutes / 60;
  days = hours / 24;
  if (minutes < 1)
    return g_strdup (_("Synced just now"));
  if (hours < 1)
    return g_strdup_printf (ngettext ("Synced %" PRId64 " minute ago",
                                      "Synced %" PRId64 " minutes ago", minutes), minutes);
  if (days < 1)
    return g_strdup_printf (ngettext ("Synced %" PRId64 " hour ago",
                                      "Synced %" PRId64 " hours ago", hours), hours);
  return g_strdup_printf (ngettext ("Synced %" PRId64 " day ago",
                                    "Synced %" PRId64 " days ago", days), days);
}

/* The tooltip and the accessible name say the same thing: what a sighted person reads on
 * hovering, a screen reader's user hears on reaching the button. */
static void
say (EdSyncIndicator *self,
     const char      *text)
{
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static gboolean
age_cb (gpointer user_data)
{
  EdSyncIndicator *self = user_data;
  g_autofree char *text = ed_sync_indicator_describe_age (self->last_sync_ms,
                                                          g_get_real_time () / 1000);

  say (self, text);
  return G_SOURCE_CONTINUE;
}

/**
 * ed_sync_indicator_update:
 * @self: the indicator
 * @running: whether a sync is under way
 * @waiting: whether this desk waits for a desk of its team to approve it
 * @error: (nullable): what stopped the last sync, %NULL if it ran to its end
 * @last_sync_ms: when the last sync that ran to its end ended (ms since 1970), or 0
 * @n_conflicts: the conflicts open in the district
 *
 * Shows where sync stands, and the indicator itself.
 */
void
ed_sync_indicator_update (EdSyncIndicator *self,
                          gboolean         running,
                          gboolean         waiting,
                          const char      *error,
                          gint64           last_sync_ms,
                          guint            n_conflicts)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ED_IS_SYNC_INDICATOR (self));

  g_clear_handle_id (&self->age_id, g_source_remove);
  self->last_sync_ms = last_sync_ms;
  if (running)
    {
      self->state = ED_SYNC_INDICATOR_SYNCING;
      text = g_strdup (_("Syncing"));
    }
  else if (waiting)
    {
      /* Asking to join is not a failure: nothing is wrong until someone approves it. */
      self->state = ED_SYNC_INDICATOR_WAITING;
      text = g_strdup (_("Waiting for approval"));
    }
  else if (error != NULL)
    {
      self->state = ED_SYNC_INDICATOR_FAILED;
      /* Translators: the sync button's tooltip: %s says what stopped the sync */
      text = g_strdup_printf (_("Sync failed: %s"), error);
    }
  else if (n_conflicts > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", n_conflicts);

      self->state = ED_SYNC_INDICATOR_CONFLICTS;
      gtk_label_set_text (self->conflict_label, count);
      text = g_strdup_printf (ngettext ("Synced, with %u conflict to settle",
                                        "Synced, with %u conflicts to settle", n_conflicts),
                              n_conflicts);
    }
  else
    {
      self->state = ED_SYNC_INDICATOR_SYNCED;
      text = ed_sync_indicator_describe_age (last_sync_ms, g_get_real_time () / 1000);
      self->age_id = g_timeout_add_seconds (AGE_REFRESH_S, age_cb, self);
    }

  gtk_stack_set_visible_child_name (self->stack, state_names[self->state]);
  gtk_spinner_set_spinning (self->spinner, running);
  say (self, text);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

EdSyncIndicatorState
ed_sync_indicator_get_state (EdSyncIndicator *self)
{
  g_return_val_if_fail (ED_IS_SYNC_INDICATOR (self), ED_SYNC_INDICATOR_SYNCED);

  return self->state;
}

static void
ed_sync_indicator_dispose (GObject *object)
{
  EdSyncIndicator *self = ED_SYNC_INDICATOR (object);

  g_clear_handle_id (&self->age_id, g_source_remove);

  G_OBJECT_CLASS (ed_sync_indicator_parent_class)->dispose (object);
}

static void
ed_sync_indicator_class_init (EdSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_sync_indicator_dispose;

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/electoraldesk/ElectoralDesk/sync/"
                                               "ed-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, EdSyncIndicator, stack);
  gtk_widget_class_bind_template_child (widget_class, EdSyncIndicator, spinner);
  gtk_widget_class_bind_template_child (widget_class, EdSyncIndicator, conflict_label);
}

static void
ed_sync_indicator_init (EdSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
