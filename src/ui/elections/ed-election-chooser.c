/* ed-election-chooser.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The election a page works on, chosen from the district's polls: a mnemonic label and a
 * dropdown, one widget so that the Staff page's three views and the Accounts page offer,
 * label, default and keep the choice the same way.
 *
 * The list is the district's polls, latest first (ed_election_list ()). With
 * #EdElectionChooser:combinations, polls taken together are one entry, their first poll, as
 * the appointment board wants: they share their stations and staff. At first, and whenever
 * the poll chosen is gone, the chooser takes the next poll to come (the first on or after
 * ed_today ()), or the latest when all are past: the election being worked on is nearly
 * always the next, and a district's past polls only pile up behind it. A reload after other
 * desks' edits keeps the choice while the district still has it.
 *
 * #EdElectionChooser:election-id is notified only when the choice really changes: filling the
 * dropdown afresh moves its selection, which is not a person's choice. */

#define G_LOG_DOMAIN "ed-ui-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "core/ed-today.h"
#include "ui/ed-ui-resources.h"
#include "ui/elections/ed-election-chooser.h"

struct _EdElectionChooser
{
  GtkWidget   parent_instance;

  EdContext  *context;
  GPtrArray  *elections;       /* EdElection, every poll of the district, latest first */
  GPtrArray  *listed;          /* of those (borrowed), the dropdown's, in its order */
  char       *election_id;     /* the poll chosen, or NULL when there is none */
  gboolean    combinations;    /* one entry for each combination of polls */
  int         max_width_chars; /* how wide the choice shown may grow before it is cut */
  gboolean    filling;         /* the dropdown is being filled: not a person's choice */

  GtkWidget  *label;
  GtkWidget  *dropdown;
};

G_DEFINE_FINAL_TYPE (EdElectionChooser, ed_election_chooser, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ELECTION_ID,
  PROP_LABEL,
  PROP_COMBINATIONS,
  PROP_MAX_WIDTH_CHARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- the list ----------------------------------------------------------------------------- */

static void
read_elections (EdElectionChooser *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->listed, g_ptr_array_unref);
  g_clear_pointer (&self->elections, g_ptr_array_unref);
  if (self->context != NULL &&
      (self->elections = ed_election_list (self->context, &error)) == NULL)
    g_warning ("The elections cannot be read: %s", error->message);
  if (self->elections == NULL)
    self->elections = g_ptr_array_new ();

  self->listed = g_ptr_array_new ();
  for (guint i = 0; i < self->elections->len; i++)
    {
      EdElection *election = g_ptr_array_index (self->elections, i);

      if (!self->combinations || *election->combined_with == '\0')
        g_ptr_array_add (self->listed, election);
    }
}

static char *
entry_label (EdElectionChooser *self,
             EdElection        *election)
{
  g_autofree char *day = ed_date_format_long (&election->poll);
  g_autofree char *title = NULL;
  guint others = 0;

  if (!self->combinations)
    /* Translators: an election in a list: what it elects, then its polling day */
    return g_strdup_printf (C_("election", "%s, %s"), election->title, day);

  for (guint i = 0; i < self->elections->len; i++)
    if (g_str_equal (((EdElection *)g_ptr_array_index (self->elections, i))->combined_with,
                     election->id))
      others++;
  title = others == 0
    ? g_strdup (election->title)
    /* Translators: the first poll of a combination, and how many are taken with it */
    : g_strdup_printf (ngettext ("%s and %u combined poll", "%s and %u combined polls", others),
                       election->title, others);
  /* Translators: an election in the board's list: its polling day, then what it elects
   * (the day first, since the rest is cut to fit) */
  return g_strdup_printf (C_("election, day first", "%1$s: %2$s"), day, title);
}

/* Where @election_id stands in the list; a poll combined with another stands at its
 * combination's first when the list has one entry a combination. */
static guint
position_of (EdElectionChooser *self,
             const char        *election_id)
{
  EdElection *election = ed_election_chooser_find (self, election_id);

  if (election != NULL && self->combinations && *election->combined_with != '\0')
    election_id = election->combined_with;
  for (guint i = 0; election != NULL && i < self->listed->len; i++)
    if (g_str_equal (((EdElection *)g_ptr_array_index (self->listed, i))->id, election_id))
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The next poll to come, or the latest when all are past; of polls on the same day, the one
 * listed first, which is the first of their combination. */
static guint
default_position (EdElectionChooser *self)
{
  const GDate *next = NULL;
  GDate today;

  ed_today (&today);
  /* Latest first: the last on or after today is the next. */
  for (guint i = 0; i < self->listed->len; i++)
    {
      EdElection *election = g_ptr_array_index (self->listed, i);

      if (g_date_compare (&election->poll, &today) >= 0)
        next = &election->poll;
    }
  for (guint i = 0; next != NULL && i < self->listed->len; i++)
    if (g_date_compare (&((EdElection *)g_ptr_array_index (self->listed, i))->poll, next) == 0)
      return i;
  return 0;
}

/* --- the choice --------------------------------------------------------------------------- */

static void
set_chosen (EdElectionChooser *self,
            const char        *election_id)
{
  if (g_strcmp0 (self->election_id, election_id) == 0)
    return;
  g_free (self->election_id);
  self->election_id = g_strdup (election_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ELECTION_ID]);
}

/* The choice is cut to fit beside what is around it; its tooltip says it whole. */
static void
show_chosen_whole (EdElectionChooser *self)
{
  GtkStringObject *chosen = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (self->dropdown));

  gtk_widget_set_tooltip_text (self->dropdown,
                               chosen != NULL && self->listed != NULL && self->listed->len > 0
                                 ? gtk_string_object_get_string (chosen) : NULL);
}

/* The dropdown afresh from the list, with @wanted chosen if the list has it, the default
 * otherwise. */
static void
fill (EdElectionChooser *self,
      const char        *wanted)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint chosen;

  for (guint i = 0; i < self->listed->len; i++)
    {
      g_autofree char *label = entry_label (self, g_ptr_array_index (self->listed, i));

      gtk_string_list_append (names, label);
    }
  if (self->listed->len == 0)
    gtk_string_list_append (names, _("No elections"));

  chosen = position_of (self, wanted);
  if (chosen == GTK_INVALID_LIST_POSITION && self->listed->len > 0)
    chosen = default_position (self);

  self->filling = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown),
                              chosen != GTK_INVALID_LIST_POSITION ? chosen : 0);
  self->filling = FALSE;
  gtk_widget_set_sensitive (self->dropdown, self->listed->len > 0);
  set_chosen (self, chosen != GTK_INVALID_LIST_POSITION
                      ? ((EdElection *)g_ptr_array_index (self->listed, chosen))->id
                      : NULL);
  show_chosen_whole (self);
}

static void
selected_cb (EdElectionChooser *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->dropdown));

  show_chosen_whole (self);
  if (self->filling || self->listed == NULL || selected >= self->listed->len)
    return;
  set_chosen (self, ((EdElection *)g_ptr_array_index (self->listed, selected))->id);
}

/* --- the dropdown's rows ------------------------------------------------------------------ */

static void
setup_chosen_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 EdElectionChooser        *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), self->max_width_chars);
  gtk_list_item_set_child (item, label);
}

/* In the list that drops down, each election whole. */
static void
setup_listed_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 EdElectionChooser        *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         EdElectionChooser        *self)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       name != NULL ? gtk_string_object_get_string (name) : "");
}

/* --- the widget --------------------------------------------------------------------------- */

/**
 * ed_election_chooser_new:
 *
 * Returns: (transfer floating): a chooser of every poll, labelled "Election"
 */
GtkWidget *
ed_election_chooser_new (void)
{
  return g_object_new (ED_TYPE_ELECTION_CHOOSER, NULL);
}

/**
 * ed_election_chooser_set_context:
 * @self: the chooser
 * @context: (nullable): the district, or %NULL when it is closed
 *
 * Offers the district's polls. Another district starts from its own next poll; the same one
 * again is read afresh, as by ed_election_chooser_reload ().
 */
void
ed_election_chooser_set_context (EdElectionChooser *self,
                                 EdContext         *context)
{
  gboolean same;

  g_return_if_fail (ED_IS_ELECTION_CHOOSER (self));
  g_return_if_fail (context == NULL || ED_IS_CONTEXT (context));

  same = self->context == context;
  g_set_object (&self->context, context);
  read_elections (self);
  /* A poll chosen in one district means nothing in the next. */
  fill (self, same ? self->election_id : NULL);
}

/**
 * ed_election_chooser_reload:
 * @self: the chooser
 *
 * Reads the district's polls afresh after other desks' edits arrived, keeping the poll chosen
 * while the district still has it.
 */
void
ed_election_chooser_reload (EdElectionChooser *self)
{
  g_return_if_fail (ED_IS_ELECTION_CHOOSER (self));

  read_elections (self);
  fill (self, self->election_id);
}

/**
 * ed_election_chooser_get_election_id:
 * @self: the chooser
 *
 * Returns: (nullable): the row id of the poll chosen; %NULL when the district has none
 */
const char *
ed_election_chooser_get_election_id (EdElectionChooser *self)
{
  g_return_val_if_fail (ED_IS_ELECTION_CHOOSER (self), NULL);

  return self->election_id;
}

/**
 * ed_election_chooser_set_election_id:
 * @self: the chooser
 * @election_id: (nullable): a poll's row id
 *
 * Chooses @election_id, as a person choosing it in the dropdown does; with
 * #EdElectionChooser:combinations, a poll combined with another chooses the first of them. An
 * id the district does not have, or %NULL, leaves the choice as it is.
 */
void
ed_election_chooser_set_election_id (EdElectionChooser *self,
                                     const char        *election_id)
{
  guint position;

  g_return_if_fail (ED_IS_ELECTION_CHOOSER (self));

  position = position_of (self, election_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  self->filling = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), position);
  self->filling = FALSE;
  set_chosen (self, ((EdElection *)g_ptr_array_index (self->listed, position))->id);
  show_chosen_whole (self);
}

/**
 * ed_election_chooser_get_election:
 * @self: the chooser
 *
 * Returns: (transfer none) (nullable): the poll chosen, until the chooser next reads the
 *   district
 */
EdElection *
ed_election_chooser_get_election (EdElectionChooser *self)
{
  g_return_val_if_fail (ED_IS_ELECTION_CHOOSER (self), NULL);

  return ed_election_chooser_find (self, self->election_id);
}

/**
 * ed_election_chooser_get_elections:
 * @self: the chooser
 *
 * Every poll of the district, latest first, the combined ones too (for what a page needs to
 * know of a poll's combination), until the chooser next reads the district.
 *
 * Returns: (transfer none) (element-type EdElection): the polls; empty with no district
 */
GPtrArray *
ed_election_chooser_get_elections (EdElectionChooser *self)
{
  g_return_val_if_fail (ED_IS_ELECTION_CHOOSER (self), NULL);

  return self->elections;
}

/**
 * ed_election_chooser_find:
 * @self: the chooser
 * @id_or_slug: (nullable): a poll's row id or its slug (`local.ashmere-vale.2027-05-06`)
 *
 * Returns: (transfer none) (nullable): the district's poll of that id, offered or not, until
 *   the chooser next reads the district
 */
EdElection *
ed_election_chooser_find (EdElectionChooser *self,
                          const char        *id_or_slug)
{
  g_return_val_if_fail (ED_IS_ELECTION_CHOOSER (self), NULL);

  for (guint i = 0; id_or_slug != NULL && i < self->elections->len; i++)
    {
      EdElection *election = g_ptr_array_index (self->elections, i);

      if (g_str_equal (election->id, id_or_slug) || g_str_equal (election->slug, id_or_slug))
        return election;
    }
  return NULL;
}

static void
ed_election_chooser_constructed (GObject *object)
{
  EdElectionChooser *self = ED_ELECTION_CHOOSER (object);

  G_OBJECT_CLASS (ed_election_chooser_parent_class)->constructed (object);

  /* Filled once what is cut to fit and what is listed are known: "No elections" until a
   * district is opened. */
  read_elections (self);
  fill (self, NULL);
}

static void
ed_election_chooser_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EdElectionChooser *self = ED_ELECTION_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_ELECTION_ID:
      g_value_set_string (value, self->election_id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, gtk_label_get_label (GTK_LABEL (self->label)));
      break;
    case PROP_COMBINATIONS:
      g_value_set_boolean (value, self->combinations);
      break;
    case PROP_MAX_WIDTH_CHARS:
      g_value_set_int (value, self->max_width_chars);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_election_chooser_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EdElectionChooser *self = ED_ELECTION_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_ELECTION_ID:
      ed_election_chooser_set_election_id (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (self->label)),
                     g_value_get_string (value)) != 0)
        {
          gtk_label_set_label (GTK_LABEL (self->label), g_value_get_string (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_COMBINATIONS:
      self->combinations = g_value_get_boolean (value);
      break;
    case PROP_MAX_WIDTH_CHARS:
      self->max_width_chars = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_election_chooser_dispose (GObject *object)
{
  EdElectionChooser *self = ED_ELECTION_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ED_TYPE_ELECTION_CHOOSER);
  g_clear_object (&self->context);
  g_clear_pointer (&self->listed, g_ptr_array_unref);
  g_clear_pointer (&self->elections, g_ptr_array_unref);
  g_clear_pointer (&self->election_id, g_free);

  G_OBJECT_CLASS (ed_election_chooser_parent_class)->dispose (object);
}

static void
ed_election_chooser_class_init (EdElectionChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ed_election_chooser_constructed;
  object_class->get_property = ed_election_chooser_get_property;
  object_class->set_property = ed_election_chooser_set_property;
  object_class->dispose = ed_election_chooser_dispose;

  /**
   * EdElectionChooser:election-id:
   *
   * The row id of the poll chosen, or %NULL when the district has none. Notified only when
   * the choice changes.
   */
  properties[PROP_ELECTION_ID] =
    g_param_spec_string ("election-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * EdElectionChooser:label:
   *
   * The words before the dropdown, with the mnemonic's underline: "_Election", or what the
   * choice is for on a page that needs to say so ("_Availability for"). They are the
   * dropdown's accessible name, through the mnemonic.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * EdElectionChooser:combinations:
   *
   * Whether polls taken together are one entry, named by their first poll and how many are
   * combined with it, with the day first. Choosing any of them chooses the first.
   */
  properties[PROP_COMBINATIONS] =
    g_param_spec_boolean ("combinations", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * EdElectionChooser:max-width-chars:
   *
   * How many characters of the choice are shown before it is cut, to fit what the page puts
   * beside it.
   */
  properties[PROP_MAX_WIDTH_CHARS] =
    g_param_spec_int ("max-width-chars", NULL, NULL, 1, G_MAXINT, 44,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/elections/ed-election-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, EdElectionChooser, label);
  gtk_widget_class_bind_template_child (widget_class, EdElectionChooser, dropdown);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_listed_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  /* Only a frame around the label and the dropdown, as the box it replaced was: the
   * dropdown is named by the label, and said once. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
ed_election_chooser_init (EdElectionChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The spacing of the rows of controls the chooser sits in. */
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              6);
}
