/* ed-hlc.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A hybrid logical clock (Kulkarni et al. 2014; SYNC.md §4.2): 48 bits of Unix milliseconds
 * and a 16-bit counter in one gint64, so clocks compare as integers. */
#define ED_HLC_COUNTER_BITS 16
#define ED_HLC_MAX_AHEAD_MS (60 * 60 * 1000)   /* a remote clock further ahead is not followed */
/* A desk whose clock is more than five minutes ahead is flagged for a person to put right
 * (SYNC.md §5 criterion 6, "skew over 5 min is flagged"). */
#define ED_HLC_SKEW_FLAG_MS (5 * 60 * 1000)

/* Milliseconds since the Unix epoch. Tests give each desk a skewed clock. */
typedef gint64 (*EdClockFunc) (gpointer user_data);

#define ED_TYPE_HLC (ed_hlc_get_type ())

G_DECLARE_FINAL_TYPE (EdHlc, ed_hlc, ED, HLC, GObject)

EdHlc   *ed_hlc_new            (EdClockFunc  clock,
                                gpointer     clock_data);
gint64   ed_hlc_get_last       (EdHlc       *self);
void     ed_hlc_set_last       (EdHlc       *self,
                                gint64       last);
gint64   ed_hlc_wall_ms        (EdHlc       *self);
gint64   ed_hlc_tick           (EdHlc       *self);
gboolean ed_hlc_receive        (EdHlc       *self,
                                gint64       remote);

gint64   ed_hlc_pack           (gint64       ms,
                                guint        counter);
gint64   ed_hlc_get_ms         (gint64       hlc);
guint    ed_hlc_get_counter    (gint64       hlc);
gint64   ed_hlc_system_clock   (gpointer     user_data);

G_END_DECLS
