/* ed-register-filter-bar.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-register"

#include "config.h"

#include <glib/gi18n.h>

#include "register/ed-franchise.h"
#include "ui/ed-ui-resources.h"
#include "ui/register/ed-register-filter-bar.h"

/* The register's filters, under the search entry: polling district, marker, absent vote,
 * attainers and pending changes, and a button that clears them all. The bar reads its
 * controls into an EdRegisterFilter; the page applies it. */

struct _EdRegisterFilterBar
{
  GtkBox              parent_instance;

  /* The dropdowns' positions map to the tables below and to districts. */
  GtkDropDown        *district_dropdown;
  GtkDropDown        *marker_dropdown;
  GtkDropDown        *absent_vote_dropdown;
  GtkToggleButton    *attainers_button;
  GtkFlowBox         *flow;
  GtkDropDown        *pending_dropdown;
  GtkStringList      *absent_vote_choices;
  GtkStringList      *pending_choices;
  GtkWidget          *clear_button;
  GPtrArray          *districts;        /* EdPollingDistrictRef, after "All polling districts" */
  EdDistrictSettings *settings;         /* the open district's, for its Welsh marker letter */
  char                welsh_letter[2];
};

G_DEFINE_FINAL_TYPE (EdRegisterFilterBar, ed_register_filter_bar, GTK_TYPE_BOX)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The filters' choices, in their dropdowns' order. */
static const struct
{
  const char *marker;
  const char *label;
} marker_options[] = {
  { NULL, N_("All markers") },
  { ED_REGISTER_FILTER_ANY_MARKER, N_("Any marker") },
  { "", N_("No marker") },
};

static const EdFranchiseMarker marker_letters[] = {
  ED_FRANCHISE_MARKER_OVERSEAS,
  ED_FRANCHISE_MARKER_PEER,
  ED_FRANCHISE_MARKER_QUALIFYING_EU_CITIZEN,
  ED_FRANCHISE_MARKER_EU_CITIZEN,
  ED_FRANCHISE_MARKER_SCOTTISH_FOREIGN_NATIONAL,
  ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN,
  ED_FRANCHISE_MARKER_LEGACY_E,
  ED_FRANCHISE_MARKER_LEGACY_K,
};

/* A filter of one absent vote or status is named as the vocabulary names it. */
static const char *const absent_vote_options[] = {
  [ED_ABSENT_VOTE_FILTER_ALL] = N_("All absent votes"),
  [ED_ABSENT_VOTE_FILTER_POSTAL] = NULL,
  [ED_ABSENT_VOTE_FILTER_PROXY] = NULL,
  [ED_ABSENT_VOTE_FILTER_POSTAL_PROXY] = NULL,
  [ED_ABSENT_VOTE_FILTER_ANY] = N_("Any absent vote"),
  [ED_ABSENT_VOTE_FILTER_NONE] = N_("Votes in person"),
};

static const char *const pending_options[] = {
  [ED_PENDING_FILTER_ALL] = N_("All entries"),
  [ED_PENDING_FILTER_ADDITION] = NULL,
  [ED_PENDING_FILTER_DELETION] = NULL,
  [ED_PENDING_FILTER_ANY] = N_("Any pending change"),
  [ED_PENDING_FILTER_AMENDMENT] = N_("Pending amendments"),
};

/* The Welsh qualifying foreign citizen's letter is the district's own (DOMAIN.md §1.2,
 * [U]); the others are fixed. */
static const char *
marker_letter (EdRegisterFilterBar *self,
               guint                position)
{
  return ed_franchise_marker_to_letter (marker_letters[position], self->welsh_letter);
}

static GtkStringList *
marker_labels (EdRegisterFilterBar *self)
{
  GtkStringList *markers = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (marker_options); i++)
    gtk_string_list_append (markers, _(marker_options[i].label));
  for (guint i = 0; i < G_N_ELEMENTS (marker_letters); i++)
    {
      /* Translators: a franchise marker in the filter: its letter and what it means */
      g_autofree char *label =
        g_strdup_printf (_("%s (%s)"), marker_letter (self, i),
                         ed_franchise_marker_get_display_name (marker_letters[i]));

      gtk_string_list_append (markers, label);
    }
  return markers;
}

static void
control_changed_cb (EdRegisterFilterBar *self)
{
  EdRegisterFilter filter;

  ed_register_filter_bar_get_filter (self, &filter);
  gtk_widget_set_sensitive (self->clear_button, !ed_register_filter_is_empty (&filter));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
block_control_signals (EdRegisterFilterBar *self,
                       gboolean             block)
{
  GObject *controls[] = {
    G_OBJECT (self->district_dropdown), G_OBJECT (self->marker_dropdown),
    G_OBJECT (self->absent_vote_dropdown), G_OBJECT (self->attainers_button),
    G_OBJECT (self->pending_dropdown),
  };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    if (block)
      g_signal_handlers_block_by_func (controls[i], control_changed_cb, self);
    else
      g_signal_handlers_unblock_by_func (controls[i], control_changed_cb, self);
}

/* Back to the whole register, without a change per control. */
static void
reset_controls (EdRegisterFilterBar *self)
{
  block_control_signals (self, TRUE);
  gtk_drop_down_set_selected (self->district_dropdown, 0);
  gtk_drop_down_set_selected (self->marker_dropdown, 0);
  gtk_drop_down_set_selected (self->absent_vote_dropdown, 0);
  gtk_toggle_button_set_active (self->attainers_button, FALSE);
  gtk_drop_down_set_selected (self->pending_dropdown, 0);
  block_control_signals (self, FALSE);
  gtk_widget_set_sensitive (self->clear_button, FALSE);
}

/* Labels the markers with the district's letter. The choice stays where it was: when it is
 * the Welsh marker, the filter it gives has changed with the letter. */
static void
load_markers (EdRegisterFilterBar *self)
{
  g_autoptr(GtkStringList) labels = NULL;
  const char *letter = self->settings != NULL
                         ? ed_district_settings_get_welsh_marker_letter (self->settings)
                         : ED_FRANCHISE_WELSH_LETTER_DEFAULT;
  guint selected;

  if (self->welsh_letter[0] == letter[0])
    return;
  self->welsh_letter[0] = letter[0];

  labels = marker_labels (self);
  selected = gtk_drop_down_get_selected (self->marker_dropdown);
  block_control_signals (self, TRUE);
  gtk_drop_down_set_model (self->marker_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->marker_dropdown, selected);
  block_control_signals (self, FALSE);
  if (selected != GTK_INVALID_LIST_POSITION && selected >= G_N_ELEMENTS (marker_options) &&
      marker_letters[selected - G_N_ELEMENTS (marker_options)] ==
        ED_FRANCHISE_MARKER_WELSH_FOREIGN_CITIZEN)
    control_changed_cb (self);
}

static void
set_settings (EdRegisterFilterBar *self,
              EdDistrictSettings  *settings)
{
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_swapped (settings, "changed::welsh-marker-letter",
                              G_CALLBACK (load_markers), self);
}

static void
load_districts (EdRegisterFilterBar *self,
                EdContext           *context)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->districts, g_ptr_array_unref);
  gtk_string_list_append (labels, _("All polling districts"));
  if (context != NULL)
    {
      self->districts = ed_register_polling_districts (context, &error);
      if (self->districts == NULL)
        g_warning ("Could not read the polling districts: %s", error->message);
    }
  for (guint i = 0; self->districts != NULL && i < self->districts->len; i++)
    {
      EdPollingDistrictRef *ref = g_ptr_array_index (self->districts, i);
      /* Translators: a polling district in the filter: its code and its name */
      g_autofree char *label = g_strdup_printf (_("%s — %s"), ref->code, ref->name);

      gtk_string_list_append (labels, label);
    }
  block_control_signals (self, TRUE);
  gtk_drop_down_set_model (self->district_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->district_dropdown, 0);
  block_control_signals (self, FALSE);
}

static void
ed_register_filter_bar_dispose (GObject *object)
{
  EdRegisterFilterBar *self = (EdRegisterFilterBar *)object;

  g_clear_pointer (&self->districts, g_ptr_array_unref);
  set_settings (self, NULL);

  G_OBJECT_CLASS (ed_register_filter_bar_parent_class)->dispose (object);
}

static void
ed_register_filter_bar_class_init (EdRegisterFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_register_filter_bar_dispose;

  /**
   * EdRegisterFilterBar::changed:
   *
   * The officer changed a filter, or ed_register_filter_bar_clear() cleared them; read the
   * new filter with ed_register_filter_bar_get_filter().
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/register/ed-register-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, EdRegisterFilterBar, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterFilterBar, marker_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterFilterBar, absent_vote_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterFilterBar, attainers_button);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterFilterBar, pending_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterFilterBar, flow);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterFilterBar, absent_vote_choices);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterFilterBar, pending_choices);
  gtk_widget_class_bind_template_child (widget_class, EdRegisterFilterBar, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, control_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, ed_register_filter_bar_clear);
}

static void
ed_register_filter_bar_init (EdRegisterFilterBar *self)
{
  g_autoptr(GtkStringList) markers = NULL;
  EdAbsentVote vote;
  EdElectorStatus status;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The flow box's cells are only holders: Tab goes from control to control. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->flow)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_focusable (child, FALSE);
      /* Each control its own width, not a share of the row's. */
      gtk_widget_set_halign (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)),
                             GTK_ALIGN_START);
    }

  /* The choices come from the tables above, which give each position its filter. */
  self->welsh_letter[0] = ED_FRANCHISE_WELSH_LETTER_DEFAULT[0];
  markers = marker_labels (self);
  block_control_signals (self, TRUE);
  gtk_drop_down_set_model (self->marker_dropdown, G_LIST_MODEL (markers));
  for (guint i = 0; i < G_N_ELEMENTS (absent_vote_options); i++)
    gtk_string_list_append (self->absent_vote_choices,
                            ed_absent_vote_filter_get_vote (i, &vote)
                              ? ed_absent_vote_get_display_name (vote)
                              : _(absent_vote_options[i]));
  for (guint i = 0; i < G_N_ELEMENTS (pending_options); i++)
    gtk_string_list_append (self->pending_choices,
                            ed_pending_filter_get_status (i, &status)
                              ? ed_elector_status_get_display_name (status)
                              : _(pending_options[i]));
  block_control_signals (self, FALSE);
}

/**
 * ed_register_filter_bar_new:
 *
 * Creates a filter bar that keeps every entry, with only "All polling districts" to choose
 * until ed_register_filter_bar_set_context() gives it a district.
 *
 * Returns: (transfer floating): a new #EdRegisterFilterBar
 */
GtkWidget *
ed_register_filter_bar_new (void)
{
  return g_object_new (ED_TYPE_REGISTER_FILTER_BAR, NULL);
}

/**
 * ed_register_filter_bar_set_context:
 * @self: an #EdRegisterFilterBar
 * @context: (nullable): the open district, or %NULL
 *
 * Offers @context's polling districts and clears every filter, since a filter chosen in one
 * district means nothing in the next. Does not emit #EdRegisterFilterBar::changed: the
 * caller reads the register again anyway.
 */
void
ed_register_filter_bar_set_context (EdRegisterFilterBar *self,
                                    EdContext           *context)
{
  g_return_if_fail (ED_IS_REGISTER_FILTER_BAR (self));
  g_return_if_fail (context == NULL || ED_IS_CONTEXT (context));

  set_settings (self, context != NULL ? ed_context_get_settings (context) : NULL);
  load_markers (self);
  reset_controls (self);
  load_districts (self, context);
}

/**
 * ed_register_filter_bar_get_filter:
 * @self: an #EdRegisterFilterBar
 * @filter: (out caller-allocates): the filter the bar shows
 *
 * Reads the controls into @filter. Its strings belong to the bar and stay valid until the
 * next ed_register_filter_bar_set_context().
 */
void
ed_register_filter_bar_get_filter (EdRegisterFilterBar *self,
                                   EdRegisterFilter    *filter)
{
  guint district;
  guint marker;
  guint absent_vote;
  guint pending;

  g_return_if_fail (ED_IS_REGISTER_FILTER_BAR (self));
  g_return_if_fail (filter != NULL);

  district = gtk_drop_down_get_selected (self->district_dropdown);
  marker = gtk_drop_down_get_selected (self->marker_dropdown);
  absent_vote = gtk_drop_down_get_selected (self->absent_vote_dropdown);
  pending = gtk_drop_down_get_selected (self->pending_dropdown);

  ed_register_filter_init (filter);
  if (district != GTK_INVALID_LIST_POSITION && district > 0 && self->districts != NULL &&
      district <= self->districts->len)
    filter->polling_district =
      ((EdPollingDistrictRef *)g_ptr_array_index (self->districts, district - 1))->id;
  if (marker != GTK_INVALID_LIST_POSITION && marker < G_N_ELEMENTS (marker_options))
    filter->marker = marker_options[marker].marker;
  else if (marker != GTK_INVALID_LIST_POSITION &&
           marker < G_N_ELEMENTS (marker_options) + G_N_ELEMENTS (marker_letters))
    filter->marker = marker_letter (self, marker - G_N_ELEMENTS (marker_options));
  if (absent_vote < G_N_ELEMENTS (absent_vote_options))
    filter->absent_vote = absent_vote;
  filter->attainers = gtk_toggle_button_get_active (self->attainers_button);
  if (pending < G_N_ELEMENTS (pending_options))
    filter->pending = pending;
}

/**
 * ed_register_filter_bar_clear:
 * @self: an #EdRegisterFilterBar
 *
 * Clears every filter, as the bar's clear button does, and emits
 * #EdRegisterFilterBar::changed once.
 */
void
ed_register_filter_bar_clear (EdRegisterFilterBar *self)
{
  g_return_if_fail (ED_IS_REGISTER_FILTER_BAR (self));

  reset_controls (self);
  g_signal_emit (self, signals[CHANGED], 0);
}
