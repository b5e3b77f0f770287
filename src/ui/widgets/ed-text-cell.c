/* ed-text-cell.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-widgets"

#include "config.h"

#include "ui/widgets/ed-text-cell.h"

/* One line of text in a cell of a long list, ellipsized at the end: what GtkInscription is for,
 * at a fraction of its cost. A GTK 4.8 list view keeps some two hundred rows alive whatever is
 * on screen, so the register holds over a thousand cells. GtkInscription gives each of them its
 * own Pango context when it is made and measures the font's metrics (shaping a sample text) each
 * time it is measured, which was a tenth of the app's start-up. This cell takes its width from
 * its column and its height from CSS, one line of its font, so making, binding and measuring it
 * touch no text at all; only a cell on screen lays its text out, when it is drawn.
 *
 * Its accessible label follows its text once the main loop is idle, not in set_text(): a
 * jump through a long list binds over a thousand cells in one frame, and updating each cell's
 * label there was a tenth of the frame. The labels of every cell bound in a frame are set
 * together after it, once each however many times the cell was bound, before a screen reader
 * can ask for them.
 *
 * A cell may also name the row of the list it sits in (ed_text_cell_set_row_label()), so that a
 * screen reader moving through the register says each row as "AB124 Carter, Ann" rather than
 * nothing. The row is the view's own widget, made and reused by the view, so the name is given
 * at the same idle as the cell's label, to whichever row holds the cell then. */

struct _EdTextCell
{
  GtkWidget  parent_instance;

  char      *text;
  char      *row_label;
  gboolean   label_pending;
  gboolean   align_end;
  gboolean   tooltip_when_cut;
};

/* The cells whose accessible label waits for the idle, and that idle's source. */
static GHashTable *pending_labels;
static guint       pending_labels_id;

G_DEFINE_FINAL_TYPE (EdTextCell, ed_text_cell, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "em" is the font size the cell's CSS gives it, so the line grows with large text; 1.25 holds
 * the ascent and descent of the common sans fonts. Below the theme and the app, which may
 * override it. */
#define CELL_STYLE "label.text-cell { min-height: 1.25em; }"
#define CELL_STYLE_KEY "ed-text-cell-style"

static void
ensure_cell_style (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), CELL_STYLE_KEY) != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, CELL_STYLE, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_FALLBACK);
  g_object_set_data_full (G_OBJECT (display), CELL_STYLE_KEY, g_steal_pointer (&provider),
                          g_object_unref);
}

static void
ed_text_cell_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ed_text_cell_parent_class)->root (widget);
  ensure_cell_style (gtk_widget_get_display (widget));
}

/* Sized by its column across and by CSS down: never by its text. */
static void
ed_text_cell_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = 0;
  *natural = 0;
}

static void
ed_text_cell_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  EdTextCell *self = ED_TEXT_CELL (widget);
  int width = gtk_widget_get_width (widget);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  layout = gtk_widget_create_pango_layout (widget, self->text);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget),
                              self->align_end ? MAX (0, width - logical.width) : 0,
                              (gtk_widget_get_height (widget) - logical.height) / 2, layout);
}

/* The whole text, when the cell is too narrow for it. Laid out only when the pointer rests
 * on the cell, never when it is bound. */
static gboolean
ed_text_cell_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_tooltip,
                            GtkTooltip *tooltip)
{
  EdTextCell *self = ED_TEXT_CELL (widget);
  g_autoptr(PangoLayout) layout = NULL;
  int text_width;

  if (!self->tooltip_when_cut || self->text == NULL || *self->text == '\0')
    return GTK_WIDGET_CLASS (ed_text_cell_parent_class)->query_tooltip (widget, x, y,
                                                                         keyboard_tooltip,
                                                                         tooltip);
  layout = gtk_widget_create_pango_layout (widget, self->text);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  if (text_width <= gtk_widget_get_width (widget))
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->text);
  return TRUE;
}

/* The list's row around the cell: the nearest ancestor styled as a row (a list or column
 * view's row widget, which has no public type in GTK 4.8). */
static GtkWidget *
find_row (EdTextCell *self)
{
  for (GtkWidget *widget = gtk_widget_get_parent (GTK_WIDGET (self)); widget != NULL;
       widget = gtk_widget_get_parent (widget))
    {
      if (g_strcmp0 (gtk_widget_get_css_name (widget), "row") == 0)
        return widget;
      if (GTK_IS_LIST_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget))
        break;
    }
  return NULL;
}

static void
update_label (EdTextCell *self)
{
  self->label_pending = FALSE;
  /* An empty cell says nothing. A label of "" is not enough: GTK 4.8 gives a nameless
   * accessible its type's name, so a screen reader read "EdTextCell" for every blank marker.
   * Hidden, it is left out of the accessibility tree until it has text again. */
  if (self->text != NULL && *self->text != '\0')
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->text, -1);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    }

  if (self->row_label != NULL)
    {
      GtkWidget *row = find_row (self);

      if (row == NULL)
        return;
      if (*self->row_label != '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        self->row_label, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

static gboolean
update_pending_labels_cb (gpointer user_data)
{
  GHashTableIter iter;
  gpointer cell;

  pending_labels_id = 0;
  g_hash_table_iter_init (&iter, pending_labels);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    {
      g_hash_table_iter_steal (&iter);
      update_label (cell);
    }
  return G_SOURCE_REMOVE;
}

static void
queue_label (EdTextCell *self)
{
  if (self->label_pending || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  self->label_pending = TRUE;
  if (pending_labels == NULL)
    pending_labels = g_hash_table_new (NULL, NULL);
  g_hash_table_add (pending_labels, self);
  /* After the frame's layout and paint (which run at a higher priority), before input. */
  if (pending_labels_id == 0)
    pending_labels_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_pending_labels_cb,
                                         NULL, NULL);
}

/* A cell on its way out has no label left to give. */
static void
ed_text_cell_dispose (GObject *object)
{
  EdTextCell *self = ED_TEXT_CELL (object);

  if (self->label_pending)
    g_hash_table_remove (pending_labels, self);
  self->label_pending = FALSE;

  G_OBJECT_CLASS (ed_text_cell_parent_class)->dispose (object);
}

static void
ed_text_cell_finalize (GObject *object)
{
  EdTextCell *self = ED_TEXT_CELL (object);

  g_free (self->text);
  g_free (self->row_label);

  G_OBJECT_CLASS (ed_text_cell_parent_class)->finalize (object);
}

static void
ed_text_cell_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EdTextCell *self = ED_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_text_cell_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EdTextCell *self = ED_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      ed_text_cell_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_text_cell_class_init (EdTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_text_cell_dispose;
  object_class->finalize = ed_text_cell_finalize;
  object_class->get_property = ed_text_cell_get_property;
  object_class->set_property = ed_text_cell_set_property;
  widget_class->root = ed_text_cell_root;
  widget_class->measure = ed_text_cell_measure;
  widget_class->snapshot = ed_text_cell_snapshot;
  widget_class->query_tooltip = ed_text_cell_query_tooltip;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Styled as a label, so the theme's colours for selected and dimmed rows apply to it. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
ed_text_cell_init (EdTextCell *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "text-cell");
}

/**
 * ed_text_cell_new:
 *
 * Returns: a new, empty #EdTextCell
 */
GtkWidget *
ed_text_cell_new (void)
{
  return g_object_new (ED_TYPE_TEXT_CELL, NULL);
}

/**
 * ed_text_cell_set_text:
 * @self: an #EdTextCell
 * @text: (nullable): the text to show
 *
 * Shows @text, and makes it what a screen reader says for the cell once the main loop is idle.
 * Redraws the cell without measuring it again: that is what lets a list bind thousands of rows
 * cheaply.
 */
void
ed_text_cell_set_text (EdTextCell *self,
                       const char *text)
{
  g_return_if_fail (ED_IS_TEXT_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  queue_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * ed_text_cell_get_text:
 * @self: an #EdTextCell
 *
 * Returns: (nullable): the text the cell shows
 */
const char *
ed_text_cell_get_text (EdTextCell *self)
{
  g_return_val_if_fail (ED_IS_TEXT_CELL (self), NULL);

  return self->text;
}

/**
 * ed_text_cell_set_row_label:
 * @self: an #EdTextCell
 * @label: (nullable): what a screen reader says for the list row holding the cell; "" for a
 *   row with nothing in it
 *
 * Names the row of the list view or column view that holds @self, once the main loop is idle,
 * as the cell's own label is. One cell of each row should do this, the row's first column.
 */
void
ed_text_cell_set_row_label (EdTextCell *self,
                            const char *label)
{
  g_return_if_fail (ED_IS_TEXT_CELL (self));

  if (g_strcmp0 (self->row_label, label) == 0)
    return;
  g_free (self->row_label);
  self->row_label = g_strdup (label);
  queue_label (self);
}

/**
 * ed_text_cell_set_align_end:
 * @self: an #EdTextCell
 * @align_end: whether the text sits at the cell's end
 *
 * Sets the text against the cell's end rather than its start, as a column of amounts is read,
 * units under units.
 */
void
ed_text_cell_set_align_end (EdTextCell *self,
                            gboolean    align_end)
{
  g_return_if_fail (ED_IS_TEXT_CELL (self));

  align_end = !!align_end;
  if (self->align_end == align_end)
    return;
  self->align_end = align_end;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ed_text_cell_set_tooltip_when_cut:
 * @self: an #EdTextCell
 * @tooltip_when_cut: whether to show the whole text in a tooltip when it does not fit
 *
 * Shows the cell's whole text in a tooltip when the cell is too narrow for it and ellipsizes
 * it, as in a narrow column of a ledger.
 */
void
ed_text_cell_set_tooltip_when_cut (EdTextCell *self,
                                   gboolean    tooltip_when_cut)
{
  g_return_if_fail (ED_IS_TEXT_CELL (self));

  self->tooltip_when_cut = !!tooltip_when_cut;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), self->tooltip_when_cut);
}
