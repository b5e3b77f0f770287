/* ed-transport-webdav.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/ed-transport.h"

G_BEGIN_DECLS

#define ED_TYPE_TRANSPORT_WEBDAV (ed_transport_webdav_get_type ())

G_DECLARE_FINAL_TYPE (EdTransportWebdav, ed_transport_webdav, ED, TRANSPORT_WEBDAV, GObject)

EdTransport *ed_transport_webdav_new         (const char        *url,
                                              const char        *user,
                                              const char        *password,
                                              GError           **error);
void         ed_transport_webdav_set_retries (EdTransportWebdav *self,
                                              guint              attempts,
                                              guint              first_delay_ms);

G_END_DECLS
