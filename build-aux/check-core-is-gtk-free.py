#!/usr/bin/env python3
# check-core-is-gtk-free.py — DESIGN.md §2: libed-core has no GTK on its include path.
# Reads the build's compile_commands.json and fails if any libed-core or electoral-desk-cli
# source is compiled with a GTK, GDK or libadwaita include directory.
# Usage: check-core-is-gtk-free.py BUILD-DIR
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import re
import sys

FORBIDDEN = re.compile(r"-I\S*(gtk-4\.0|libadwaita-1|graphene-1\.0)")


def main(build_dir):
    with open(os.path.join(build_dir, "compile_commands.json"), encoding="utf-8") as f:
        commands = json.load(f)
    checked = 0
    offenders = []
    for entry in commands:
        output = entry.get("output", "")
        if not any(name in output for name in ("libed-core", "libed-cli", "electoral-desk-cli")):
            continue
        checked += 1
        command = entry.get("command") or " ".join(entry.get("arguments", []))
        if FORBIDDEN.search(command):
            offenders.append(entry["file"])
    if checked == 0:
        print("no libed-core sources found in compile_commands.json", file=sys.stderr)
        return 1
    if offenders:
        print("compiled with a GTK include path:\n  " + "\n  ".join(offenders), file=sys.stderr)
        return 1
    print(f"libed-core and the CLI: {checked} sources, none with a GTK include path")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
