/* ed-account-figures.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accounts/ed-account.h"

G_BEGIN_DECLS

GtkWidget  *ed_account_amount_label_new     (void);
void        ed_account_amount_label_set     (GtkWidget      *label,
                                             EdMoney         amount,
                                             const char     *name);
gboolean    ed_account_parse_amount         (const char     *text,
                                             gboolean        empty_is_nothing,
                                             EdMoney        *out,
                                             GError        **error);
char       *ed_account_format_estimate      (EdMoney         amount);
void        ed_account_set_style            (GtkWidget      *widget,
                                             const char     *style);
const char *ed_account_poll_title           (const EdAccountPoll *poll);
char       *ed_account_describe_polls       (const EdAccount *account);
gboolean    ed_account_poll_has_fee_scale   (const EdAccountPoll *poll);
void        ed_account_toast                (GtkWidget      *widget,
                                             const char     *text);
GtkWindow  *ed_account_parent_window        (GtkWidget      *widget);

G_END_DECLS
