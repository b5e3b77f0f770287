/* ed-hlc.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-changes"

#include "config.h"

#include "changes/ed-hlc.h"

/* A hybrid logical clock orders this desk's ops after everything it has seen, even when its
 * wall clock is behind, and stays close to wall time when clocks agree, so "approximately
 * when" can be shown to a person. Supersession never depends on it (pred does), so a wrong
 * clock can only change which of two concurrent values is shown first, never lose one. */

#define COUNTER_MASK ((G_GINT64_CONSTANT (1) << ED_HLC_COUNTER_BITS) - 1)

struct _EdHlc
{
  GObject     parent_instance;

  EdClockFunc clock;
  gpointer    clock_data;
  gint64      last;
};

G_DEFINE_FINAL_TYPE (EdHlc, ed_hlc, G_TYPE_OBJECT)

static void
ed_hlc_class_init (EdHlcClass *klass)
{
}

static void
ed_hlc_init (EdHlc *self)
{
}

gint64
ed_hlc_system_clock (gpointer user_data)
{
  return g_get_real_time () / 1000;
}

EdHlc *
ed_hlc_new (EdClockFunc clock,
            gpointer    clock_data)
{
  EdHlc *self = g_object_new (ED_TYPE_HLC, NULL);

  self->clock = clock != NULL ? clock : ed_hlc_system_clock;
  self->clock_data = clock_data;
  return self;
}

gint64
ed_hlc_pack (gint64 ms,
             guint  counter)
{
  return (ms << ED_HLC_COUNTER_BITS) | ((gint64)counter & COUNTER_MASK);
}

gint64
ed_hlc_get_ms (gint64 hlc)
{
  return hlc >> ED_HLC_COUNTER_BITS;
}

guint
ed_hlc_get_counter (gint64 hlc)
{
  return (guint)(hlc & COUNTER_MASK);
}

gint64
ed_hlc_get_last (EdHlc *self)
{
  g_return_val_if_fail (ED_IS_HLC (self), 0);

  return self->last;
}

/* Restores the clock saved in the database; a clock never runs backwards across restarts. */
void
ed_hlc_set_last (EdHlc  *self,
                 gint64  last)
{
  g_return_if_fail (ED_IS_HLC (self));

  if (last > self->last)
    self->last = last;
}

gint64
ed_hlc_wall_ms (EdHlc *self)
{
  g_return_val_if_fail (ED_IS_HLC (self), 0);

  return self->clock (self->clock_data);
}

/* Advances past @ms: the physical part becomes the larger of the two, the counter restarts
 * when the physical part moved and counts up when it did not. */
static gint64
advance_to (gint64 last,
            gint64 ms)
{
  gint64 last_ms = ed_hlc_get_ms (last);

  if (ms > last_ms)
    return ed_hlc_pack (ms, 0);

  /* Counter overflow (65,536 events in one millisecond) borrows the next millisecond. */
  if (ed_hlc_get_counter (last) == COUNTER_MASK)
    return ed_hlc_pack (last_ms + 1, 0);
  return last + 1;
}

/**
 * ed_hlc_tick:
 * @self: the clock
 *
 * Returns: a new timestamp for a local event, greater than any before it
 */
gint64
ed_hlc_tick (EdHlc *self)
{
  g_return_val_if_fail (ED_IS_HLC (self), 0);

  self->last = advance_to (self->last, ed_hlc_wall_ms (self));
  return self->last;
}

/**
 * ed_hlc_receive:
 * @self: the clock
 * @remote: the timestamp of an op from another desk
 *
 * Moves the clock past @remote, so this desk's next op sorts after it, unless @remote is
 * more than an hour ahead of this desk's wall clock: following a clock that far ahead would
 * drag every later op on this desk into the future with it (SYNC.md §4.2).
 *
 * Returns: %TRUE if @remote was followed, %FALSE if it was too far ahead
 */
gboolean
ed_hlc_receive (EdHlc  *self,
                gint64  remote)
{
  gint64 wall;

  g_return_val_if_fail (ED_IS_HLC (self), FALSE);

  wall = ed_hlc_wall_ms (self);
  if (ed_hlc_get_ms (remote) > wall + ED_HLC_MAX_AHEAD_MS)
    return FALSE;

  if (remote > self->last)
    self->last = remote;
  self->last = advance_to (self->last, wall);
  return TRUE;
}
