/* ed-register-page-actions.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui-register"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/register/ed-import-dialog.h"
#include "ui/register/ed-notice-dialog.h"
#include "ui/register/ed-register-page-private.h"
#include "ui/register/ed-register-print.h"
#include "ui/register/ed-revise-dialog.h"
#include "ui/register/ed-supply-dialog.h"

/* The register page's actions that open a dialog: import, supply, notice, revision, print.
 * Those that change the register have the page read it again when they are done. */

/* An import, a notice or a revision changes the whole register: read it again, from the top. */
static void
register_changed_cb (EdRegisterPage *self)
{
  if (self->context != NULL)
    ed_module_page_set_context (ED_MODULE_PAGE (self), self->context);
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);
  EdImportDialog *dialog;

  if (self->context == NULL)
    return;
  dialog = ed_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (register_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
record_supply_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);

  if (self->context == NULL)
    return;
  gtk_window_present (GTK_WINDOW (ed_supply_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                        self->context)));
}

/* Notices go where an officer keeps documents, not beside the district file, which lives in
 * the application's own data folder. */
static char *
default_notice_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  return g_build_filename (documents != NULL ? documents : g_get_home_dir (),
                           _("Electoral Desk"), _("Notices"), NULL);
}

/* Publishing resolves pending additions and deletions, so the list is read again. */
static void
publish_notice_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);
  g_autofree char *folder = NULL;
  EdNoticeDialog *dialog;

  if (self->context == NULL)
    return;
  folder = default_notice_folder ();
  dialog = ed_notice_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context, folder);
  g_signal_connect_object (dialog, "published", G_CALLBACK (register_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The revised register renumbers every entry, so the list is read again. */
static void
revise_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);
  EdReviseDialog *dialog;

  if (self->context == NULL)
    return;
  dialog = ed_revise_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context, NULL);
  g_signal_connect_object (dialog, "revised", G_CALLBACK (register_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EdRegisterPage *self = ED_REGISTER_PAGE (widget);

  if (self->context != NULL)
    ed_register_print_start (widget, self->context, g_variant_get_string (parameter, NULL),
                             g_str_equal (action_name, "register.export-pdf"));
}

void
_ed_register_page_class_install_dialog_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "register.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "register.print", "s", print_action_cb);
  gtk_widget_class_install_action (widget_class, "register.export-pdf", "s", print_action_cb);
  gtk_widget_class_install_action (widget_class, "register.record-supply", NULL,
                                   record_supply_action_cb);
  gtk_widget_class_install_action (widget_class, "register.publish-notice", NULL,
                                   publish_notice_action_cb);
  gtk_widget_class_install_action (widget_class, "register.revise", NULL, revise_action_cb);
}
