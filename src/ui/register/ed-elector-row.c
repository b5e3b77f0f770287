/* ed-elector-row.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-register"

#include "config.h"

#include "ui/register/ed-elector-row.h"

/* One line of the register as a GObject, because list models hand out objects. Read-only: a
 * row is a snapshot of the summary it was made from. */

struct _EdElectorRow
{
  GObject           parent_instance;

  EdElectorSummary *summary;
};

G_DEFINE_FINAL_TYPE (EdElectorRow, ed_elector_row, G_TYPE_OBJECT)

static void
ed_elector_row_finalize (GObject *object)
{
  EdElectorRow *self = (EdElectorRow *)object;

  g_clear_pointer (&self->summary, ed_elector_summary_free);

  G_OBJECT_CLASS (ed_elector_row_parent_class)->finalize (object);
}

static void
ed_elector_row_class_init (EdElectorRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ed_elector_row_finalize;
}

static void
ed_elector_row_init (EdElectorRow *self)
{
}

/**
 * ed_elector_row_new:
 * @summary: (transfer full): the line of the register
 *
 * Returns: (transfer full): a row owning @summary
 */
EdElectorRow *
ed_elector_row_new (EdElectorSummary *summary)
{
  EdElectorRow *self;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (ED_TYPE_ELECTOR_ROW, NULL);
  self->summary = summary;
  return self;
}

/* Never NULL, so the page's labels need no checks of their own. */
#define FIELD(field) \
  g_return_val_if_fail (ED_IS_ELECTOR_ROW (self), ""); \
  return self->summary->field != NULL ? self->summary->field : ""

const char *
ed_elector_row_get_id (EdElectorRow *self)
{
  FIELD (id);
}

const char *
ed_elector_row_get_number (EdElectorRow *self)
{
  FIELD (number);
}

const char *
ed_elector_row_get_name (EdElectorRow *self)
{
  FIELD (name);
}

const char *
ed_elector_row_get_address (EdElectorRow *self)
{
  FIELD (address);
}

const char *
ed_elector_row_get_postcode (EdElectorRow *self)
{
  FIELD (postcode);
}

const char *
ed_elector_row_get_marker (EdElectorRow *self)
{
  FIELD (marker);
}

/* The row id of the elector's property, "" for none: where the household view looks. */
const char *
ed_elector_row_get_property (EdElectorRow *self)
{
  FIELD (property);
}

#undef FIELD

EdAbsentVote
ed_elector_row_get_absent_vote (EdElectorRow *self)
{
  g_return_val_if_fail (ED_IS_ELECTOR_ROW (self), ED_ABSENT_VOTE_NONE);

  return self->summary->absent_vote;
}

EdElectorStatus
ed_elector_row_get_status (EdElectorRow *self)
{
  g_return_val_if_fail (ED_IS_ELECTOR_ROW (self), ED_ELECTOR_STATUS_CURRENT);

  return self->summary->status;
}

gboolean
ed_elector_row_get_anonymous (EdElectorRow *self)
{
  g_return_val_if_fail (ED_IS_ELECTOR_ROW (self), FALSE);

  return self->summary->anonymous;
}

gboolean
ed_elector_row_get_amendment_pending (EdElectorRow *self)
{
  g_return_val_if_fail (ED_IS_ELECTOR_ROW (self), FALSE);

  return self->summary->amendment_pending;
}
