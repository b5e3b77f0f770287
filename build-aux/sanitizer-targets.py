#!/usr/bin/env python3
# sanitizer-targets.py BUILD_DIR — prints the files ninja must build for the unit and fuzz
# suites, which are all that run under the sanitizers: every target but the window, its
# library, the GUI and end-to-end tests, the benchmarks and the translation helpers. The
# sanitizer build is the slower of the two; skipping what it never runs keeps CI inside its
# time. Ninja still builds whatever a listed target depends on.
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys

SKIPPED_DIRS = ("src/ui", "tests/gui", "tests/e2e", "tests/bench", "po")


def main():
    build_dir = os.path.abspath(sys.argv[1])
    source_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    targets = json.loads(subprocess.run(["meson", "introspect", build_dir, "--targets"],
                                        check=True, capture_output=True, text=True).stdout)
    for target in targets:
        where = os.path.relpath(os.path.dirname(target["defined_in"]), source_dir)
        if target["type"] == "run":
            continue
        if any(where == d or where.startswith(d + "/") for d in SKIPPED_DIRS):
            continue
        # The application itself: only its command-line twin runs in the unit tests.
        if where == "src" and target["type"] == "executable":
            continue
        for filename in target["filename"]:
            print(os.path.relpath(filename, build_dir))


if __name__ == "__main__":
    main()
