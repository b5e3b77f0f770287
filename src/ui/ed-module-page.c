/* ed-module-page.c
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ui/ed-module-page.h"

typedef struct
{
  char         *title;
  char         *icon_name;
  GtkWidget    *box;
  AdwHeaderBar *header_bar;
  GtkWidget    *back_button;
  GtkWidget    *content;
  gboolean      custom_title;  /* a subclass put its own widget in the title's place */
} EdModulePagePrivate;

static GtkBuildableIface *parent_buildable_iface;

static void ed_module_page_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (EdModulePage, ed_module_page, ADW_TYPE_BIN,
                         G_ADD_PRIVATE (EdModulePage)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                ed_module_page_buildable_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ICON_NAME,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ed_module_page_finalize (GObject *object)
{
  EdModulePagePrivate *priv = ed_module_page_get_instance_private (ED_MODULE_PAGE (object));

  g_free (priv->title);
  g_free (priv->icon_name);

  G_OBJECT_CLASS (ed_module_page_parent_class)->finalize (object);
}

static void
ed_module_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EdModulePagePrivate *priv = ed_module_page_get_instance_private (ED_MODULE_PAGE (object));

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, priv->icon_name);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, gtk_widget_get_visible (priv->back_button));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_module_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EdModulePagePrivate *priv = ed_module_page_get_instance_private (ED_MODULE_PAGE (object));

  switch (prop_id)
    {
    case PROP_TITLE:
      g_free (priv->title);
      priv->title = g_value_dup_string (value);
      if (!priv->custom_title)
        adw_header_bar_set_title_widget (priv->header_bar,
                                         adw_window_title_new (priv->title, NULL));
      break;

    case PROP_ICON_NAME:
      g_free (priv->icon_name);
      priv->icon_name = g_value_dup_string (value);
      break;

    case PROP_FOLDED:
      /* When the window is too narrow for the sidebar, the page needs its own way back. */
      gtk_widget_set_visible (priv->back_button, g_value_get_boolean (value));
      adw_header_bar_set_show_start_title_buttons (priv->header_bar, TRUE);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ed_module_page_real_set_context (EdModulePage *self,
                                 EdContext    *context)
{
}

/* A page that shows nothing of the district has nothing to read again. */
static void
ed_module_page_real_reload (EdModulePage *self)
{
}

/* A page's template fills in the page: `<child type="start">` and `<child type="end">` go
 * into its header bar, beside the back button, and a plain `<child>` is its content. */
static void
ed_module_page_buildable_add_child (GtkBuildable *buildable,
                                    GtkBuilder   *builder,
                                    GObject      *child,
                                    const char   *type)
{
  EdModulePage *self = ED_MODULE_PAGE (buildable);
  EdModulePagePrivate *priv = ed_module_page_get_instance_private (self);

  if (GTK_IS_WIDGET (child) && g_strcmp0 (type, "start") == 0)
    adw_header_bar_pack_start (priv->header_bar, GTK_WIDGET (child));
  else if (GTK_IS_WIDGET (child) && g_strcmp0 (type, "end") == 0)
    adw_header_bar_pack_end (priv->header_bar, GTK_WIDGET (child));
  else if (GTK_IS_WIDGET (child) && type == NULL)
    ed_module_page_set_content (self, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
ed_module_page_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = ed_module_page_buildable_add_child;
}

static void
ed_module_page_class_init (EdModulePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ed_module_page_finalize;
  object_class->get_property = ed_module_page_get_property;
  object_class->set_property = ed_module_page_set_property;

  klass->set_context = ed_module_page_real_set_context;
  klass->reload = ed_module_page_real_reload;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ed_module_page_init (EdModulePage *self)
{
  EdModulePagePrivate *priv = ed_module_page_get_instance_private (self);

  priv->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  priv->header_bar = ADW_HEADER_BAR (adw_header_bar_new ());
  adw_header_bar_set_show_start_title_buttons (priv->header_bar, TRUE);

  priv->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (priv->back_button, _("Back to the modules"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to the modules"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->back_button), "win.show-sidebar");
  gtk_widget_set_visible (priv->back_button, FALSE);
  adw_header_bar_pack_start (priv->header_bar, priv->back_button);

  gtk_box_append (GTK_BOX (priv->box), GTK_WIDGET (priv->header_bar));
  adw_bin_set_child (ADW_BIN (self), priv->box);
}

/**
 * ed_module_page_new_not_built:
 * @title: the module's name
 * @icon_name: the module's icon
 * @description: what the module will do, said plainly
 *
 * A page for a module that does not exist yet: an honest empty state, no controls.
 */
EdModulePage *
ed_module_page_new_not_built (const char *title,
                              const char *icon_name,
                              const char *description)
{
  EdModulePage *self;
  GtkWidget *status;

  self = g_object_new (ED_TYPE_MODULE_PAGE, "title", title, "icon-name", icon_name, NULL);

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Not Built Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  ed_module_page_set_content (self, status);
  return self;
}

const char *
ed_module_page_get_title (EdModulePage *self)
{
  EdModulePagePrivate *priv = ed_module_page_get_instance_private (self);

  g_return_val_if_fail (ED_IS_MODULE_PAGE (self), NULL);

  return priv->title;
}

const char *
ed_module_page_get_icon_name (EdModulePage *self)
{
  EdModulePagePrivate *priv = ed_module_page_get_instance_private (self);

  g_return_val_if_fail (ED_IS_MODULE_PAGE (self), NULL);

  return priv->icon_name;
}

void
ed_module_page_set_content (EdModulePage *self,
                            GtkWidget    *content)
{
  EdModulePagePrivate *priv = ed_module_page_get_instance_private (self);

  g_return_if_fail (ED_IS_MODULE_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (content));

  if (priv->content != NULL)
    gtk_box_remove (GTK_BOX (priv->box), priv->content);
  priv->content = content;
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (priv->box), content);
}

void
ed_module_page_set_context (EdModulePage *self,
                            EdContext    *context)
{
  g_return_if_fail (ED_IS_MODULE_PAGE (self));
  g_return_if_fail (context == NULL || ED_IS_CONTEXT (context));

  ED_MODULE_PAGE_GET_CLASS (self)->set_context (self, context);
}

/**
 * ed_module_page_reload:
 * @self: a page
 *
 * Shows the open district afresh after it changed under the page: after a sync applied other
 * desks' edits. What the person has selected, and any form they are filling in, stay.
 */
void
ed_module_page_reload (EdModulePage *self)
{
  g_return_if_fail (ED_IS_MODULE_PAGE (self));

  ED_MODULE_PAGE_GET_CLASS (self)->reload (self);
}

AdwHeaderBar *
ed_module_page_get_header_bar (EdModulePage *self)
{
  EdModulePagePrivate *priv = ed_module_page_get_instance_private (self);

  g_return_val_if_fail (ED_IS_MODULE_PAGE (self), NULL);

  return priv->header_bar;
}

/**
 * ed_module_page_set_title_widget:
 * @self: a module page
 * @widget: what the header shows in the title's place, such as a view switcher
 *
 * Puts @widget in the middle of the page's header, where the page's title would be; the
 * title is still the page's name in the sidebar and for assistive technologies.
 */
void
ed_module_page_set_title_widget (EdModulePage *self,
                                 GtkWidget    *widget)
{
  EdModulePagePrivate *priv = ed_module_page_get_instance_private (self);

  g_return_if_fail (ED_IS_MODULE_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  priv->custom_title = TRUE;
  adw_header_bar_set_title_widget (priv->header_bar, widget);
}
