/* ed-test-transport.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sync/ed-transport.h"

G_BEGIN_DECLS

/* Transports that wrap another, for the sync simulator and tests (SYNC.md §4.12, §5). */

/* Aborts the test when a desk writes, renames or removes a file that is not its own
 * (SYNC.md §4.1 principle 2, §5 criterion 11). */
#define ED_TYPE_TEST_OWNED_TRANSPORT (ed_test_owned_transport_get_type ())
G_DECLARE_FINAL_TYPE (EdTestOwnedTransport, ed_test_owned_transport, ED, TEST_OWNED_TRANSPORT,
                      GObject)

EdTransport *ed_test_owned_transport_new      (EdTransport *inner,
                                               const char  *device);
gboolean     ed_test_owned_transport_may_write (const char *device,
                                                const char *path);

/* What a shared folder does to the files it carries, each with a probability per read (the
 * first three), per listing (stale, noise), per entry of a listing (vanish, conflict copy) or
 * per rename (partial rename). */
typedef struct
{
  double truncate;
  double bit_flip;
  double placeholder;
  double stale_listing;
  double vanish;
  double conflict_copy;
  double noise;
  double partial_rename;
} EdTestAdversity;

typedef enum
{
  ED_TEST_FAULT_TRUNCATED,
  ED_TEST_FAULT_BIT_FLIP,
  ED_TEST_FAULT_PLACEHOLDER,
  ED_TEST_FAULT_STALE_LISTING,
  ED_TEST_FAULT_VANISHED,
  ED_TEST_FAULT_CONFLICT_COPY,
  ED_TEST_FAULT_NOISE,
  ED_TEST_FAULT_PARTIAL_RENAME,
  ED_TEST_N_FAULTS,
} EdTestFault;

#define ED_TYPE_TEST_ADVERSARIAL_TRANSPORT (ed_test_adversarial_transport_get_type ())
G_DECLARE_FINAL_TYPE (EdTestAdversarialTransport, ed_test_adversarial_transport, ED,
                      TEST_ADVERSARIAL_TRANSPORT, GObject)

EdTransport *ed_test_adversarial_transport_new           (EdTransport                *inner,
                                                          guint32                     seed);
void         ed_test_adversarial_transport_set_adversity (EdTestAdversarialTransport *self,
                                                          const EdTestAdversity      *adversity);
void         ed_test_adversarial_transport_heal          (EdTestAdversarialTransport *self,
                                                          gboolean                    healed);
guint        ed_test_adversarial_transport_count         (EdTestAdversarialTransport *self,
                                                          EdTestFault                 fault);
const char  *ed_test_fault_to_string                     (EdTestFault                 fault);

G_END_DECLS
