#!/usr/bin/env python3
# check-translations.py — fails when a string a person reads has no Welsh translation: makes a
# fresh template from po/POTFILES.in with xgettext (the keywords of meson's glib preset), merges
# po/cy.po into it, and lists every message that is untranslated or fuzzy.
# Usage: check-translations.py SOURCE-ROOT
#        check-translations.py --self-test SOURCE-ROOT   (plants an untranslated string in a
#                                                         copy of the tree and checks it is found)
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import subprocess
import sys
import tempfile

KEYWORDS = ["_", "N_", "C_:1c,2", "NC_:1c,2", "g_dcgettext:2", "g_dngettext:2,3",
            "g_dpgettext2:2c,3", "ngettext:1,2"]


def unlisted(root, files):
    """Source files with translatable strings that po/POTFILES.in does not list: their strings
    would never reach the template, nor Welsh."""
    found = []
    for folder, _dirs, names in os.walk(os.path.join(root, "src")):
        for name in names:
            if not name.endswith((".c", ".ui")):
                continue
            path = os.path.relpath(os.path.join(folder, name), root)
            with open(os.path.join(root, path), encoding="utf-8") as f:
                text = f.read()
            if ('_("' in text or "N_(" in text or 'translatable="yes"' in text or
                    "ngettext (" in text) and path not in files:
                found.append(f"{path} has translatable strings but is not in po/POTFILES.in")
    return found


def untranslated(root):
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        files = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    missing_files = unlisted(root, files)
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "fresh.pot")
        merged = os.path.join(tmp, "cy.po")
        subprocess.run(["xgettext", "--from-code=UTF-8", "--package-name=electoral-desk",
                        "-o", pot] + [f"--keyword={k}" for k in KEYWORDS] + files,
                       cwd=root, check=True)
        subprocess.run(["msgmerge", "-q", "--no-fuzzy-matching", "-o", merged,
                        os.path.join(root, "po", "cy.po"), pot], check=True)
        missing = []
        for flag in ("--untranslated", "--only-fuzzy"):
            out = subprocess.run(["msgattrib", flag, "--no-obsolete", "--no-location", merged],
                                 check=True, capture_output=True, text=True).stdout
            for block in out.split("\n\n"):
                if block.strip().startswith('msgid ""\nmsgstr ""') or 'msgid ""\nmsgstr ""\n"Project' in block:
                    continue
                text = " ".join(l for l in block.splitlines() if l.startswith("msgid"))
                if text:
                    missing.append(text)
        return missing_files + missing


def self_test(root):
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "tree")
        shutil.copytree(os.path.join(root, "po"), os.path.join(copy, "po"))
        shutil.copytree(os.path.join(root, "src"), os.path.join(copy, "src"))
        shutil.copytree(os.path.join(root, "data"), os.path.join(copy, "data"))
        planted = os.path.join(copy, "src", "planted.c")
        with open(planted, "w", encoding="utf-8") as f:
            f.write('const char *planted (void) { return _("A sentence nobody translated"); }\n')
        with open(os.path.join(copy, "po", "POTFILES.in"), "a", encoding="utf-8") as f:
            f.write("src/planted.c\n")
        found = untranslated(copy)
        if not any("A sentence nobody translated" in m for m in found):
            print("the planted untranslated string was not found", file=sys.stderr)
            return 1
    print("the planted untranslated string was found")
    return 0


def main():
    args = sys.argv[1:]
    if args and args[0] == "--self-test":
        return self_test(args[1])
    missing = untranslated(args[0])
    for m in missing:
        print(f"untranslated in po/cy.po: {m}", file=sys.stderr)
    if missing:
        print(f"{len(missing)} strings have no Welsh translation", file=sys.stderr)
        return 1
    print("every string has its Welsh translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
