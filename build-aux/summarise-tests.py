#!/usr/bin/env python3
# summarise-tests.py — reads meson's testlog.json files and prints one line:
#   N passed, N failed[, N skipped]
# Each test program counts once (a g_test program holds many cases; meson reports them as
# subtests in its own output).
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys


def count_log(path, label):
    passed = failed = skipped = 0
    try:
        with open(path, encoding="utf-8") as log:
            entries = [json.loads(line) for line in log if line.strip()]
    except OSError as error:
        print(f"summarise-tests: cannot read {path}: {error}", file=sys.stderr)
        return 0, 1, 0
    for entry in entries:
        result = entry.get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
            print(f"FAILED: {label}{entry.get('name', '?')} ({result})", file=sys.stderr)
    return passed, failed, skipped


def main():
    totals = [0, 0, 0]
    for arg in sys.argv[1:]:
        label, _, path = arg.rpartition(":")
        counts = count_log(path, label + ":" if label else "")
        totals = [a + b for a, b in zip(totals, counts)]
    passed, failed, skipped = totals
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
