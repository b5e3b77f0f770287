/* ed-fuzz.h
 *
 * Copyright 2026 The Electoral Desk authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

/* The libFuzzer entry points each target defines. Built with -Dfuzzing=true under clang they
 * are driven by libFuzzer; otherwise by ed-fuzz-replay.c, which CI runs under the sanitizers. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

void ed_fuzz_assert_readable    (const char *message);
void ed_fuzz_abort_on_warnings (void);
void ed_fuzz_write_input       (const char    *path,
                                const uint8_t *data,
                                size_t         size);
