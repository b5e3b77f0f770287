/* ed-register-page-private.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ui/register/ed-elector-list-model.h"
#include "ui/register/ed-household-pane.h"
#include "ui/register/ed-register-filter-bar.h"
#include "ui/register/ed-register-page.h"

G_BEGIN_DECLS

struct _EdRegisterPage
{
  EdModulePage         parent_instance;

  EdContext           *context;
  EdElectorListModel  *register_model;
  GtkSearchEntry      *search_entry;
  GtkLabel            *status_label;
  GtkWidget           *more_button;
  guint                search_limit;     /* how many matches the search shows */
  char                *search_text;      /* the search they are for */
  GtkSingleSelection  *selection;
  GtkColumnView       *column_view;
  EdRegisterFilterBar *filter_bar;

  GtkRevealer         *household_revealer;
  GtkToggleButton     *household_button;
  EdHouseholdPane     *household_pane;
  GMenuModel          *row_menu;

  /* After other desks' edits: the rows the view has built, shown afresh a few a frame. */
  guint                reload_tick_id;
  guint                reload_next;       /* the next row to show afresh */
  guint                reload_end;        /* where this stretch ends */
  guint                reload_then_start; /* then the stretch above the rows on screen */
  guint                reload_then_end;
  char                *reload_selected_id;
  guint                reload_selected_position;
};

void _ed_register_page_class_install_dialog_actions (GtkWidgetClass *widget_class);

G_END_DECLS
