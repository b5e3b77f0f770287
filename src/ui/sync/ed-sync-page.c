/* ed-sync-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "changes/ed-conflicts.h"
#include "changes/ed-hlc.h"
#include "changes/ed-merge-notes.h"
#include "changes/ed-validate.h"
#include "sync/ed-sync-status.h"
#include "sync/ed-sync-tables.h"
#include "ui/ed-ui-resources.h"
#include "ui/sync/ed-conflict-dialog.h"
#include "ui/sync/ed-sync-describe.h"
#include "ui/sync/ed-sync-page.h"
#include "ui/widgets/ed-list-placeholder.h"

/* The Sync page (SYNC.md §4.6, §5 criteria 4, 6 and 7): where this desk's sync stands, and
 * everything sync leaves for a person: conflicts to decide, records that clash, alarms, files
 * that were not applied, and the team's desks with their clocks. It reads what the desk
 * knows (ed_sync_status_load()), so it is read again whenever it is shown and after each
 * sync; setting up, syncing and approving are the window's actions. */

#define DELETE_CONFLICT "delete"

struct _EdSyncPage
{
  EdModulePage  parent_instance;

  GtkStack     *stack;
  AdwActionRow *share_row;
  AdwActionRow *last_sync_row;
  AdwActionRow *error_row;
  GtkListBox   *conflicts_list;
  GtkListBox   *validation_list;
  GtkListBox   *alarms_list;
  GtkListBox   *files_list;
  GtkListBox   *desks_list;

  EdContext    *context;
  GPtrArray    *desks;       /* EdSyncDeskStatus, to name the desks of a conflict */
};

G_DEFINE_FINAL_TYPE (EdSyncPage, ed_sync_page, ED_TYPE_MODULE_PAGE)

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static AdwActionRow *
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL && subtitle[0] != '\0')
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  gtk_list_box_append (list, row);
  return ADW_ACTION_ROW (row);
}

static GtkWidget *
add_button (AdwActionRow *row,
            const char   *label,
            const char   *accessible_name)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  adw_action_row_add_suffix (row, button);
  return button;
}

static void
append_count (GString    *text,
              const char *line)
{
  g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* What the last sync that ran to its end did, a line each. Each count is its own plural
 * call, so that xgettext sees both forms and Welsh gets its four. */
static char *
describe_last_run (const EdSyncReport *run)
{
  GString *text = g_string_new (NULL);
  g_autofree char *incomplete = NULL;
  g_autofree char *corrupt = NULL;
  g_autofree char *refused = NULL;

  if (run->n_exported == 0)
    g_string_append (text, _("Nothing new to send"));
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Sent %" PRIu64 " change",
                                               "Sent %" PRIu64 " changes", run->n_exported),
                            run->n_exported);
  g_string_append_c (text, '\n');
  if (run->n_applied == 0)
    g_string_append (text, _("Nothing new received"));
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Received %" PRIu64 " change",
                                               "Received %" PRIu64 " changes", run->n_applied),
                            run->n_applied);
  if (run->n_duplicate_files > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u copy of a file already read",
                                                 "%u copies of files already read",
                                                 run->n_duplicate_files),
                              run->n_duplicate_files);
    }
  if (run->n_incomplete > 0)
    {
      incomplete = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incomplete file",
                                                 "%u incomplete files", run->n_incomplete),
                                    run->n_incomplete);
      append_count (text, incomplete);
    }
  if (run->n_corrupt > 0)
    {
      corrupt = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u damaged file",
                                              "%u damaged files", run->n_corrupt),
                                 run->n_corrupt);
      append_count (text, corrupt);
    }
  if (run->n_refused > 0)
    {
      refused = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u refused file",
                                              "%u refused files", run->n_refused),
                                 run->n_refused);
      append_count (text, refused);
    }
  return g_string_free (text, FALSE);
}

static void
show_share (EdSyncPage         *self,
            const EdSyncStatus *status,
            gint64              now_ms)
{
  g_autofree char *when = NULL;
  g_autofree char *last = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->share_row),
                                 status->share_kind == ED_SHARE_WEBDAV ? _("WebDAV server")
                                                                       : _("Shared folder"));
  adw_action_row_set_subtitle (self->share_row, status->share_location[0] != '\0'
                                                ? status->share_location
                                                : _("Not known: set up sync again"));

  {
    g_autofree char *phrase = ed_sync_describe_when (status->last_sync_ms, now_ms);
    g_autofree char *first = g_utf8_strup (phrase, g_utf8_next_char (phrase) - phrase);

    /* Alone on its line, the phrase starts a sentence. */
    when = g_strconcat (first, g_utf8_next_char (phrase), NULL);
  }
  if (status->last_sync_ms > 0 && status->has_last_run)
    {
      g_autofree char *run = describe_last_run (&status->last_run);

      last = g_strdup_printf ("%s\n%s", when, run);
    }
  adw_action_row_set_subtitle (self->last_sync_row, last != NULL ? last : when);

  gtk_widget_set_visible (GTK_WIDGET (self->error_row), status->last_error[0] != '\0');
  adw_action_row_set_subtitle (self->error_row, status->last_error);
}

static void
resolved_cb (EdSyncPage *self)
{
  ed_sync_page_reload (self);
}

static void
resolve_clicked_cb (GtkButton  *button,
                    EdSyncPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "conflict");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  EdConflictDialog *dialog;

  dialog = ed_conflict_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->context, id, self->desks);
  if (dialog == NULL)
    {
      /* Resolved meanwhile, here or by a sync: the page catches up. */
      ed_sync_page_reload (self);
      return;
    }
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (resolved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
describe_conflict_title (EdSyncPage       *self,
                         const EdConflict *conflict)
{
  g_autofree char *record = ed_sync_describe_record (self->context, conflict->tbl,
                                                     conflict->pk);
  g_autofree char *field = NULL;

  if (g_strcmp0 (conflict->kind, DELETE_CONFLICT) == 0)
    /* Translators: a record, such as "Jane Smith (AB124)" */
    return g_strdup_printf (_("%s: deleted on one desk, changed on another"), record);
  field = ed_sync_describe_field (conflict->tbl, conflict->col);
  /* Translators: a field and the record it belongs to, such as "Surname of Jane Smith
   * (AB124)" */
  return g_strdup_printf (_("%s of %s"), field, record);
}

/* The version the register shows until a person decides: the latest by the clocks, ties
 * going to the greater desk id (SYNC.md §4.4). */
static const EdConflictHead *
shown_head (const EdConflict *conflict)
{
  const EdConflictHead *shown = NULL;

  for (guint i = 0; i < conflict->heads->len; i++)
    {
      const EdConflictHead *head = g_ptr_array_index (conflict->heads, i);

      if (shown == NULL || head->hlc > shown->hlc ||
          (head->hlc == shown->hlc && strcmp (head->device, shown->device) > 0))
        shown = head;
    }
  return shown;
}

static void
show_conflicts (EdSyncPage *self,
                GPtrArray  *conflicts,
                gint64      now_ms)
{
  clear_list (self->conflicts_list);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const EdConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *title = describe_conflict_title (self, conflict);
      g_autofree char *name = NULL;
      GString *versions = g_string_new (NULL);
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;
      GtkWidget *button;

      const EdConflictHead *shown = shown_head (conflict);

      for (guint j = 0; j < conflict->heads->len; j++)
        {
          const EdConflictHead *head = g_ptr_array_index (conflict->heads, j);
          g_autofree char *value = ed_sync_describe_value (head);
          g_autofree char *desk = ed_sync_describe_desk (head->device, head->user, self->desks);
          g_autofree char *when = ed_sync_describe_when (ed_hlc_get_ms (head->hlc), now_ms);

          if (versions->len > 0)
            g_string_append_c (versions, '\n');
          /* Translators: a competing version: its value, the person and desk, and roughly
           * when, such as "“Smith” — jane on ELECTIONS-2, 2 hours ago" */
          g_string_append_printf (versions, _("%s — %s, %s"), value, desk, when);
          if (head == shown && g_strcmp0 (conflict->kind, DELETE_CONFLICT) != 0)
            /* Translators: after a version, the one the register shows for now */
            g_string_append (versions, _(" (shown until decided)"));
        }
      subtitle = g_string_free (versions, FALSE);
      row = add_row (self->conflicts_list, title, subtitle);
      /* Translators: the accessible name of the Resolve… button of a conflict */
      name = g_strdup_printf (_("Resolve %s"), title);
      button = add_button (row, _("Resolve…"), name);
      g_object_set_data_full (G_OBJECT (button), "conflict", g_strdup (conflict->id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (resolve_clicked_cb), self);
    }
}

static void
show_validation (EdSyncPage *self,
                 GPtrArray  *items)
{
  clear_list (self->validation_list);
  for (guint i = 0; i < items->len; i++)
    {
      const EdValidationItem *item = g_ptr_array_index (items, i);
      g_autofree char *record = ed_sync_describe_record (self->context, item->tbl, item->pk);

      add_row (self->validation_list, item->message, record);
    }
}

static void
show_alarms (EdSyncPage *self,
             GPtrArray  *alarms,
             gint64      now_ms)
{
  clear_list (self->alarms_list);
  for (guint i = 0; i < alarms->len; i++)
    {
      const EdIntegrityAlarm *alarm = g_ptr_array_index (alarms, i);
      g_autofree char *desk = ed_sync_describe_desk (alarm->device, NULL, self->desks);
      g_autofree char *when = ed_sync_describe_when (alarm->received_ms, now_ms);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      if (alarm->about_state != NULL)
        {
          /* Translators: the desk whose acknowledgement disagrees with this desk's state */
          title = g_strdup_printf (_("This desk’s district differs from %s’s"), desk);
          subtitle = g_strdup (alarm->about_state);
        }
      else
        {
          /* Translators: a change's number on a desk, and the desk */
          title = g_strdup_printf (_("Change %" PRId64 " made by %s arrived with different "
                                     "content"), alarm->seq, desk);
          /* Translators: when, roughly */
          subtitle = g_strdup_printf (_("Received %s. The copy held here is kept."), when);
        }
      add_row (self->alarms_list, title, subtitle);
    }
}

static void
show_files (EdSyncPage *self,
            GPtrArray  *files,
            gint64      now_ms)
{
  clear_list (self->files_list);
  for (guint i = 0; i < files->len; i++)
    {
      const EdSyncFileRecord *file = g_ptr_array_index (files, i);
      g_autofree char *tries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "read %u time",
                                                             "read %u times",
                                                             file->attempts),
                                                file->attempts);
      g_autofree char *when = ed_sync_describe_when (file->last_tried_ms, now_ms);
      g_autofree char *subtitle = NULL;

      /* Translators: a file's state, how often it was read and when last, and what was
       * wrong, such as "Damaged, read 3 times, last 2 hours ago\nThe file was changed" */
      subtitle = g_strdup_printf (_("%s, %s, last %s\n%s"),
                                  ed_sync_file_status_get_display_name (file->status), tries,
                                  when, file->message);
      add_row (self->files_list, file->path, subtitle);
    }
}

/* "Clock 20 minutes fast", or days for a clock that far out. */
static char *
describe_skew (gint64 skew_ms)
{
  /* To the nearest minute: the op behind it was made a few seconds before it arrived. */
  gint64 minutes = (skew_ms + 30000) / 60000;

  if (minutes >= 2 * 24 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Clock %d day fast",
                                         "Clock %d days fast", (gulong)(minutes / (24 * 60))),
                            (int)(minutes / (24 * 60)));
  if (minutes >= 2 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Clock %d hour fast",
                                         "Clock %d hours fast", (gulong)(minutes / 60)),
                            (int)(minutes / 60));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Clock %d minute fast",
                                       "Clock %d minutes fast", (gulong)minutes), (int)minutes);
}

static void
show_desks (EdSyncPage *self,
            gint64      now_ms)
{
  clear_list (self->desks_list);
  for (guint i = 0; i < self->desks->len; i++)
    {
      const EdSyncDeskStatus *desk = g_ptr_array_index (self->desks, i);
      g_autofree char *title = NULL;
      g_autofree char *contact = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *short_id = NULL;
      const char *state = ed_desk_state_get_display_name (desk->state);
      AdwActionRow *row;

      if (desk->this_desk)
        /* Translators: a person and their computer, for the desk being used */
        title = g_strdup_printf (_("%s@%s (this desk)"), desk->user, desk->host);
      else
        title = g_strdup_printf ("%s@%s", desk->user, desk->host);

      /* Two desks may have one person and computer name; their short ids tell them apart,
       * as `sync desks` and the fingerprint check show them. */
      short_id = g_strndup (desk->device, 8);
      if (desk->this_desk)
        /* Translators: a desk's state and its short id, such as "Member, desk 1a2b3c4d" */
        subtitle = g_strdup_printf (_("%s, desk %s"), state, short_id);
      else
        {
          g_autofree char *when = ed_sync_describe_when (desk->last_contact_ms, now_ms);

          /* Translators: a desk's state, its short id, and when its changes last arrived
           * here, such as "Member, desk 1a2b3c4d, last contact: 2 hours ago" */
          contact = desk->last_contact_ms > 0 ? g_strdup (when) : g_strdup (_("none yet"));
          subtitle = g_strdup_printf (_("%s, desk %s, last contact: %s"), state, short_id,
                                      contact);
        }
      row = add_row (self->desks_list, title, subtitle);

      if (desk->skewed)
        {
          g_autofree char *skew = describe_skew (desk->skew_ms);
          g_autofree char *text = g_strdup_printf (_("%s: put this computer’s clock right"),
                                                   skew);
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          GtkWidget *label = gtk_label_new (skew);

          /* Said in words as well, not by colour alone. */
          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_add_css_class (label, "warning");
          gtk_widget_set_tooltip_text (label, text);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          text, -1);
          adw_action_row_add_suffix (row, icon);
          adw_action_row_add_suffix (row, label);
        }
      if (desk->state == ED_DESK_REQUESTED)
        {
          g_autofree char *name = g_strdup_printf (_("Approve %s"), title);
          GtkWidget *button = add_button (row, _("Approve…"), name);

          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.sync-approve");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", desk->device);
        }
    }
}

static void
show_error (EdSyncPage   *self,
            const GError *error)
{
  gtk_stack_set_visible_child_name (self->stack, "status");
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), TRUE);
  adw_action_row_set_subtitle (self->error_row, error->message);
}

/**
 * ed_sync_page_reload:
 * @self: the Sync page
 *
 * Reads where sync stands again: the window calls it after a sync, and the page itself
 * whenever it is shown and after a conflict is resolved.
 */
void
ed_sync_page_reload (EdSyncPage *self)
{
  g_autoptr(EdSyncStatus) status = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now_ms = g_get_real_time () / 1000;

  g_return_if_fail (ED_IS_SYNC_PAGE (self));

  if (self->context == NULL)
    return;
  status = ed_sync_status_load (self->context, &error);
  if (status != NULL)
    conflicts = ed_conflicts_list (ED_REPLICA (self->context), &error);
  if (conflicts != NULL)
    items = ed_validate_list_items (ED_REPLICA (self->context), &error);
  if (items == NULL)
    {
      show_error (self, error);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, status->set_up ? "status" : "not-set-up");
  g_clear_pointer (&self->desks, g_ptr_array_unref);
  self->desks = g_ptr_array_ref (status->desks);
  show_share (self, status, now_ms);
  show_conflicts (self, conflicts, now_ms);
  show_validation (self, items);
  show_alarms (self, status->alarms, now_ms);
  show_files (self, status->files_not_applied, now_ms);
  show_desks (self, now_ms);
}

static void
ed_sync_page_set_context (EdModulePage *page,
                          EdContext    *context)
{
  EdSyncPage *self = ED_SYNC_PAGE (page);

  g_set_object (&self->context, context);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ed_sync_page_reload (self);
}

/* After a background sync: what it did, and what it brought in. Hidden, the page waits to
 * be shown, when it reads everything afresh anyway. */
static void
ed_sync_page_reload_after_sync (EdModulePage *page)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (page)))
    ed_sync_page_reload (ED_SYNC_PAGE (page));
}

static void
ed_sync_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ed_sync_page_parent_class)->map (widget);

  /* Another desk's changes may have arrived, or a sync run, since it was last shown. */
  ed_sync_page_reload (ED_SYNC_PAGE (widget));
}

static void
ed_sync_page_dispose (GObject *object)
{
  EdSyncPage *self = ED_SYNC_PAGE (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->desks, g_ptr_array_unref);

  G_OBJECT_CLASS (ed_sync_page_parent_class)->dispose (object);
}

static void
ed_sync_page_class_init (EdSyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  EdModulePageClass *page_class = ED_MODULE_PAGE_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ed_sync_page_dispose;
  widget_class->map = ed_sync_page_map;
  page_class->set_context = ed_sync_page_set_context;
  page_class->reload = ed_sync_page_reload_after_sync;

  (void)ed_ui_get_resource ();
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/electoraldesk/ElectoralDesk/sync/ed-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EdSyncPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EdSyncPage, share_row);
  gtk_widget_class_bind_template_child (widget_class, EdSyncPage, last_sync_row);
  gtk_widget_class_bind_template_child (widget_class, EdSyncPage, error_row);
  gtk_widget_class_bind_template_child (widget_class, EdSyncPage, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, EdSyncPage, validation_list);
  gtk_widget_class_bind_template_child (widget_class, EdSyncPage, alarms_list);
  gtk_widget_class_bind_template_child (widget_class, EdSyncPage, files_list);
  gtk_widget_class_bind_template_child (widget_class, EdSyncPage, desks_list);
}

static void
ed_sync_page_init (EdSyncPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->desks = g_ptr_array_new ();
  ed_list_box_set_placeholder_text (self->conflicts_list, _("No open conflicts."));
  ed_list_box_set_placeholder_text (self->validation_list, _("Nothing to check."));
  ed_list_box_set_placeholder_text (self->alarms_list, _("No integrity alarms."));
  ed_list_box_set_placeholder_text (self->files_list, _("Every file on the share was applied."));
  ed_list_box_set_placeholder_text (self->desks_list, _("No desks yet."));
}
