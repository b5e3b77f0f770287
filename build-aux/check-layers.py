#!/usr/bin/env python3
# check-layers.py — DESIGN.md §2: every #include under src/ points to its own floor or below,
# names its folder ("changes/ed-change-set.h"), and never reaches into another folder's
# -private.h. Prints FILE:LINE and the reason for each offence, then a summary.
# Usage: check-layers.py SOURCE_ROOT          check SOURCE_ROOT/src
#        check-layers.py --self-test ROOT      plant offences in a copy of ROOT/src and check
#                                              that each is caught, then that the copy passes
#                                              once they are gone
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import sys
import tempfile

# The floors, lowest first. A module folder sits on the modules' floor; the module list and
# the demo generator, which call every module, above it; the command line and the window on
# top. Headers the build generates (config.h, resources) are not checked.
FLOORS = {
    "core": 0, "sql": 0,
    "changes": 1, "print": 1,
    "district": 2,
    "register": 3, "stations": 3, "elections": 3, "staff": 3, "accounts": 3, "sync": 3,
    "interop": 3,
    "": 4, "demo": 4,
    "cli": 5, "ui": 5,
}
MODULE_FLOOR = 3
INCLUDE = re.compile(r'\s*#\s*include\s+"([^"]+)"')
GENERATED = re.compile(r"(^config\.h$|-resources\.h$)")


def folder_of(rel):
    parts = rel.split("/")
    return parts[0] if len(parts) > 1 else ""


def floor_of(folder):
    # A folder not listed yet is a new module: it stands on the modules' floor.
    return FLOORS.get(folder, MODULE_FLOOR)


def check(src):
    offences = []
    n = 0
    for directory, _, names in sorted(os.walk(src)):
        for name in sorted(names):
            if not name.endswith((".c", ".h")):
                continue
            path = os.path.join(directory, name)
            rel = os.path.relpath(path, src).replace(os.sep, "/")
            here = folder_of(rel)
            with open(path, encoding="utf-8", errors="replace") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    target = m.group(1)
                    if GENERATED.search(os.path.basename(target)):
                        continue
                    n += 1
                    where = f"src/{rel}:{number}"
                    if not os.path.isfile(os.path.join(src, target)):
                        offences.append(f"{where}: “{target}” is not a path under src/; "
                                        "name the folder, as in \"changes/ed-change-set.h\"")
                        continue
                    there = folder_of(target)
                    if there == here:
                        continue
                    if floor_of(there) > floor_of(here):
                        offences.append(f"{where}: {here or 'src'}/ (floor {floor_of(here)}) "
                                        f"includes {target} (floor {floor_of(there)}), "
                                        "a floor above it")
                    elif (floor_of(there) == floor_of(here) == MODULE_FLOOR):
                        # Modules may call each other's public API, never their internals.
                        if target.endswith("-private.h"):
                            offences.append(f"{where}: includes another module's private "
                                            f"header {target}")
                    elif target.endswith("-private.h"):
                        offences.append(f"{where}: includes another folder's private header "
                                        f"{target}")
    return offences, n


def self_test(root):
    plants = [
        ("core/ed-money.c", '#include "register/ed-register-tables.h"\n', "floor 3"),
        ("changes/ed-merge.c", '#include "district/ed-context.h"\n', "floor 2"),
        ("register/ed-sale-fee.c", '#include "core/ed-database-private.h"\n', "private header"),
        ("district/ed-module.c", '#include "ed-money.h"\n', "not a path under src/"),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "src")
        shutil.copytree(os.path.join(root, "src"), copy)
        offences, _ = check(copy)
        if offences:
            print("the tree is not clean before planting:\n  " + "\n  ".join(offences))
            return 1
        failed = 0
        for rel, line, reason in plants:
            path = os.path.join(copy, rel)
            with open(path, encoding="utf-8") as f:
                original = f.read()
            with open(path, "w", encoding="utf-8") as f:
                f.write(original + line)
            number = original.count("\n") + 1
            offences, _ = check(copy)
            expected = f"src/{rel}:{number}:"
            if not any(o.startswith(expected) and reason in o for o in offences):
                print(f"not caught: {line.strip()} planted in src/{rel}:{number}; got {offences}")
                failed += 1
            else:
                print(f"caught: {[o for o in offences if o.startswith(expected)][0]}")
            with open(path, "w", encoding="utf-8") as f:
                f.write(original)
        return 1 if failed else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--self-test":
        return self_test(argv[2])
    if len(argv) != 2:
        print(__doc__ or "usage: check-layers.py SOURCE_ROOT", file=sys.stderr)
        return 2
    offences, n = check(os.path.join(argv[1], "src"))
    for offence in offences:
        print(offence)
    print(f"{len(offences)} of {n} includes point up a floor, across into a private header, "
          "or without their folder")
    return 1 if offences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
