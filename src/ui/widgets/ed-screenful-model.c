/* ed-screenful-model.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-widgets"

#include "config.h"

#include "ui/widgets/ed-screenful-model.h"

/* A long list shown a screenful first. A GTK 4.8 list or column view builds two hundred rows
 * the moment it is given a model of that many items, whatever fits on screen (later GTK sizes
 * this to the view), and at six cells a row that was a fifth of the app's start-up on the
 * register. So the view is first given the model's opening rows through a slice, enough to
 * fill a tall screen, and the slice grows a few rows a frame after the one that shows them,
 * until the view has all the rows it will ever build, and then opens to the whole model.
 * Building the other rows at once took some sixty milliseconds, a frame four times over
 * budget just when a person may start scrolling; a few at a time, each frame stays well
 * within it. Positions are the same in the slice and the model, so a selection, a scroll or
 * an activation means the same row either way. */

/* More rows than the tallest screen shows at the smallest text. */
#define SCREENFUL_ROWS 64

/* The rows a GTK 4.8 list view builds however long its model, and how many more it is given
 * each frame until it has them: at well under half a millisecond a row, a few milliseconds a
 * frame. */
#define VIEW_ROWS 200
#define ROWS_PER_FRAME 24

#define SCREENFUL_KEY "ed-screenful"

typedef struct
{
  GtkSliceListModel *slice;
  guint              tick_id;
  guint              frames;
} Screenful;

static void
screenful_free (gpointer data)
{
  Screenful *screenful = data;

  g_clear_object (&screenful->slice);
  g_free (screenful);
}

static void
stop (GtkWidget *view)
{
  Screenful *screenful = g_object_get_data (G_OBJECT (view), SCREENFUL_KEY);

  if (screenful == NULL)
    return;
  if (screenful->tick_id != 0)
    gtk_widget_remove_tick_callback (view, screenful->tick_id);
  g_object_set_data (G_OBJECT (view), SCREENFUL_KEY, NULL);
}

/* The first tick comes in the frame that paints the screenful; each later one, in the next. */
static gboolean
open_slice_tick_cb (GtkWidget     *view,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  Screenful *screenful = user_data;
  guint size;

  if (++screenful->frames < 2)
    return G_SOURCE_CONTINUE;
  size = gtk_slice_list_model_get_size (screenful->slice);
  if (size < VIEW_ROWS)
    {
      gtk_slice_list_model_set_size (screenful->slice, size + ROWS_PER_FRAME);
      return G_SOURCE_CONTINUE;
    }
  gtk_slice_list_model_set_size (screenful->slice, G_MAXUINT);
  screenful->tick_id = 0;
  g_object_set_data (G_OBJECT (view), SCREENFUL_KEY, NULL);
  return G_SOURCE_REMOVE;
}

/**
 * ed_screenful_set_model:
 * @view: the list or column view that shows @selection
 * @selection: the view's selection model
 * @model: (nullable): the items to show
 *
 * Gives @selection @model, a screenful on the first frame and the rest on the next. A model
 * short enough to build at once is given as it is.
 */
void
ed_screenful_set_model (GtkWidget          *view,
                        GtkSingleSelection *selection,
                        GListModel         *model)
{
  Screenful *screenful;

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  stop (view);
  if (model == NULL || g_list_model_get_n_items (model) <= SCREENFUL_ROWS)
    {
      gtk_single_selection_set_model (selection, model);
      return;
    }

  screenful = g_new0 (Screenful, 1);
  screenful->slice = gtk_slice_list_model_new (g_object_ref (model), 0, SCREENFUL_ROWS);
  g_object_set_data_full (G_OBJECT (view), SCREENFUL_KEY, screenful, screenful_free);
  gtk_single_selection_set_model (selection, G_LIST_MODEL (screenful->slice));
  screenful->tick_id = gtk_widget_add_tick_callback (view, open_slice_tick_cb, screenful, NULL);
}
