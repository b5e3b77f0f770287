/* ed-election-notices-group.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The interim notices of alteration of the election shown: when each is due, which are
 * published, and a Publish… button on the one due. Publishing changes the electorate, so the
 * group says "changed" and the detail shows the whole election afresh. */

#define G_LOG_DOMAIN "ed-ui-elections"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/ed-date.h"
#include "core/ed-today.h"
#include "elections/ed-election-notices.h"
#include "ui/elections/ed-election-detail-private.h"
#include "ui/elections/ed-election-notices-group.h"

struct _EdElectionNoticesGroup
{
  AdwPreferencesGroup   parent_instance;

  EdContext            *context;
  EdElection           *election;    /* the detail's */
  GtkFileChooserNative *chooser;
  guint                 publishing;  /* the notice a folder is chosen for, 1 to 3 */

  GtkWidget            *notices_list;
  GtkWidget            *notices_error;
};

G_DEFINE_FINAL_TYPE (EdElectionNoticesGroup, ed_election_notices_group,
                     ADW_TYPE_PREFERENCES_GROUP)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
notice_title (guint n)
{
  switch (n)
    {
    case 1:
      return _("First interim notice");
    case 2:
      return _("Second interim notice");
    default:
      return _("Final interim notice");
    }
}

/* The Publish… button's name for a screen reader, which hears it apart from its row. */
static const char *
notice_publish_name (guint n)
{
  switch (n)
    {
    case 1:
      return _("Publish the First Interim Notice…");
    case 2:
      return _("Publish the Second Interim Notice…");
    default:
      return _("Publish the Final Interim Notice…");
    }
}

static void
show_notices_error (EdElectionNoticesGroup *self,
                    const char             *text)
{
  gtk_label_set_text (GTK_LABEL (self->notices_error), text != NULL ? text : "");
  gtk_widget_set_visible (self->notices_error, text != NULL);
}

static void publish_clicked_cb (GtkButton              *button,
                                EdElectionNoticesGroup *self);

static void
show_notices (EdElectionNoticesGroup *self)
{
  EdInterimNotice notices[ED_N_INTERIM_NOTICES];
  g_autoptr(GError) error = NULL;
  gboolean due_found = FALSE;
  GDate today;

  _ed_election_detail_clear_list (self->notices_list);
  if (self->election == NULL)
    return;
  if (!ed_election_get_interim_notices (self->context, self->election, notices, &error))
    {
      gtk_widget_set_visible (self->notices_list, FALSE);
      show_notices_error (self, error->message);
      return;
    }
  gtk_widget_set_visible (self->notices_list, TRUE);
  ed_today (&today);
  for (guint i = 0; i < ED_N_INTERIM_NOTICES; i++)
    {
      const EdInterimNotice *notice = &notices[i];
      g_autofree char *published = ed_date_format_long (&notice->dates.publication);
      g_autofree char *last = ed_date_format_long (&notice->dates.last_application);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *state = gtk_label_new (NULL);

      if (notice->published)
        /* Translators: an interim notice's day, then the last day of the applications it
         * lists */
        subtitle = g_strdup_printf (_("Published on %s · applications received by %s"),
                                    published, last);
      else
        /* Translators: an interim notice's day, then the last day of the applications it
         * lists */
        subtitle = g_strdup_printf (_("To be published on %s · applications received by %s"),
                                    published, last);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), notice_title (i + 1));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
      if (notice->published)
        {
          gtk_label_set_text (GTK_LABEL (state), _("Published"));
          gtk_widget_add_css_class (state, "success");
        }
      else if (!due_found)
        {
          gboolean come = g_date_compare (&notice->dates.publication, &today) <= 0;
          GtkWidget *button;

          /* The first not yet published is the one due; the rest wait for it. */
          due_found = TRUE;
          gtk_label_set_text (GTK_LABEL (state), come ? _("Due") : _("Next"));
          if (come)
            gtk_widget_add_css_class (state, "warning");
          button = gtk_button_new_with_label (_("Publish…"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_sensitive (button, come);
          if (!come)
            gtk_widget_set_tooltip_text (button, _("It cannot be published before its day"));
          g_object_set_data (G_OBJECT (button), "notice", GUINT_TO_POINTER (i + 1));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          notice_publish_name (i + 1), -1);
          g_signal_connect (button, "clicked", G_CALLBACK (publish_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      else
        gtk_label_set_text (GTK_LABEL (state), _("Waiting"));
      gtk_widget_add_css_class (state, "caption");
      gtk_list_box_append (GTK_LIST_BOX (self->notices_list), row);
    }
}

/**
 * ed_election_notices_group_set_election:
 * @self: the group
 * @context: (nullable): the district
 * @election: (nullable): the election shown, which the detail keeps until it gives another
 *
 * Shows the notices of @election.
 */
void
ed_election_notices_group_set_election (EdElectionNoticesGroup *self,
                                        EdContext              *context,
                                        EdElection             *election)
{
  g_return_if_fail (ED_IS_ELECTION_NOTICES_GROUP (self));

  g_set_object (&self->context, context);
  self->election = election;
  show_notices (self);
}

/**
 * ed_election_notices_group_publish:
 * @self: the group
 * @n: the notice, 1 to 3
 * @folder: where its PDF and CSV go
 * @error: return location for an error
 *
 * Publishes interim notice @n of the election shown, as its Publish… button does once a
 * folder is chosen, and says "changed".
 *
 * Returns: %TRUE on success
 */
gboolean
ed_election_notices_group_publish (EdElectionNoticesGroup  *self,
                                   guint                    n,
                                   const char              *folder,
                                   GError                 **error)
{
  g_auto(EdInterimPublished) published = { 0, };

  g_return_val_if_fail (ED_IS_ELECTION_NOTICES_GROUP (self), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (self->election == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No election is shown."));
      return FALSE;
    }
  if (!ed_election_publish_interim (self->context, self->election, n, ED_NOTICE_FLAGS_NONE,
                                    folder, &published, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
publish_folder_cb (GtkNativeDialog        *chooser,
                   int                     response,
                   EdElectionNoticesGroup *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GError) error = NULL;
  guint n = self->publishing;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  self->publishing = 0;
  if (file == NULL || (folder = g_file_get_path (file)) == NULL)
    return;
  if (!ed_election_notices_group_publish (self, n, folder, &error))
    {
      show_notices_error (self, error->message);
      return;
    }
  show_notices_error (self, NULL);
  {
    /* Translators: %s is a notice's name, "First interim notice" */
    g_autofree char *done = g_strdup_printf (_("%s published"), notice_title (n));

    _ed_election_detail_toast (GTK_WIDGET (self), done);
  }
}

static void
publish_clicked_cb (GtkButton              *button,
                    EdElectionNoticesGroup *self)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "notice"));

  if (self->election == NULL || self->chooser != NULL)
    return;
  show_notices_error (self, NULL);
  self->publishing = n;
  self->chooser = _ed_election_detail_folder_chooser_new (GTK_WIDGET (self),
                                                          _("Publish the Notice in a Folder"),
                                                          _("_Publish"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (publish_folder_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
ed_election_notices_group_dispose (GObject *object)
{
  EdElectionNoticesGroup *self = ED_ELECTION_NOTICES_GROUP (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->context);
  self->election = NULL;

  G_OBJECT_CLASS (ed_election_notices_group_parent_class)->dispose (object);
}

static void
ed_election_notices_group_class_init (EdElectionNoticesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_election_notices_group_dispose;

  /**
   * EdElectionNoticesGroup::changed:
   *
   * A notice was published: the election and its electorate are to be read afresh.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/elections/ed-election-notices-group.ui");
  gtk_widget_class_bind_template_child (widget_class, EdElectionNoticesGroup, notices_list);
  gtk_widget_class_bind_template_child (widget_class, EdElectionNoticesGroup, notices_error);
}

static void
ed_election_notices_group_init (EdElectionNoticesGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
