#!/usr/bin/env python3
# test-register.py — a day at the register desk, driven through the accessibility tree: find
# an elector by surname and by postcode, open the entry, amend the surname and save; add a new
# elector at the same address and see the next suffix; publish the notice of alteration; the
# notice's PDF (pdftotext) lists both changes, and the command line sees them.
# Usage: test-register.py ELECTORAL-DESK ELECTORAL-DESK-CLI
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi_driver as d  # noqa: E402

# Invented for the test: no demo surname is like them.
AMENDED_SURNAME = "Quennevault"
ADDED_FORENAMES = "Wren"
ADDED_SURNAME = "Oxtoby-Hale"


def cli_json(cli_path, env, db, *args):
    return json.loads(subprocess.check_output([cli_path, "--db", db] + list(args) + ["--json"],
                                              env=env))


def main(app_path, cli_path):
    if shutil.which("pdftotext") is None:
        print("1..0 # SKIP pdftotext is not installed")
        sys.exit(77)
    home = tempfile.mkdtemp(prefix="ed-e2e-")
    env = dict(os.environ,
               HOME=home,
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               GSETTINGS_BACKEND="memory")
    db = os.path.join(home, "district.db")
    subprocess.check_call([cli_path, "--db", db, "demo", "--electors", "3000"], env=env,
                          stdout=subprocess.DEVNULL)
    bus = d.start_accessibility_bus()
    log = d.AppLog(home)
    app_process = subprocess.Popen([app_path, "--db", db], env=env, stderr=log.file)
    try:
        run_session(app_process, cli_path, env, db, home)
    except Exception:
        try:
            d.dump(d.find_app("electoral-desk", timeout=2))
        except Exception:
            pass
        raise
    finally:
        if app_process.poll() is None:
            app_process.kill()
        bus.kill()
    log.check()
    print("ok 1 register: search, amend, add with suffix, publish a notice")


def pick_elector(cli_path, env, db):
    """A named elector of a household with a listed address, as the demo makes many."""
    for elector in cli_json(cli_path, env, db, "register", "search", "AA1"):
        if not elector["anonymous"] and elector["postcode"] and "/" not in elector["number"] \
                and elector["status"] == "current":
            return elector
    raise AssertionError("the demo register has no elector to amend")


def search_for(frame, text):
    search = d.find(frame, "entry", "Search the register", timeout=30)
    d.click(search)
    time.sleep(0.3)
    d.key_combo("a", ["ctrl"])
    d.type_text(text)
    d.wait_for(lambda: d.get_text(search) == text, f"the typed search {text!r}")
    d.wait_for(lambda: status_label(frame, r"(First )?[\d,]+ match(es)?"), "the search's matches",
               timeout=20)


def status_label(frame, pattern):
    return [label for label in d.find_all(frame, "label") if re.fullmatch(pattern, label.name)]


def open_row(frame, number):
    """Selects the row whose number cell reads @number, and opens it with Enter."""
    cell = d.find(frame, "label", number, timeout=20)
    d.click(cell)
    time.sleep(0.3)
    d.key_combo("Return")


def replace_text(field, text):
    d.click(field)
    time.sleep(0.3)
    d.key_combo("a", ["ctrl"])
    d.type_text(text)
    d.wait_for(lambda: d.get_text(field) == text, f"the typed text {text!r}")


def run_session(app_process, cli_path, env, db, home):
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", None, timeout=60)
    elector = pick_elector(cli_path, env, db)
    surname = elector["name"].split()[-1]

    # A clerk finds the elector by surname, then by postcode.
    search_for(frame, surname)
    d.find(frame, "label", elector["number"], timeout=20)
    search_for(frame, elector["postcode"])
    d.find(frame, "label", elector["number"], timeout=20)

    # Opens the entry and amends the surname.
    open_row(frame, elector["number"])
    editor = d.find(app, "frame", "Edit elector", timeout=20)
    replace_text(d.find(editor, "text", "Surname"), AMENDED_SURNAME)
    d.press(d.find_actionable(editor, "push button", "Save"))
    d.wait_for(lambda: not d.find_all(app, "frame", "Edit elector"), "the editor to close")
    amended = cli_json(cli_path, env, db, "register", "search", AMENDED_SURNAME)
    assert [e["number"] for e in amended] == [elector["number"]], amended

    # Adds an elector at the same address: the household's number with the next suffix.
    search_for(frame, AMENDED_SURNAME)
    cell = d.find(frame, "label", elector["number"], timeout=20)
    d.click(cell)
    time.sleep(0.3)
    d.key_combo("n", ["ctrl"])
    adder = d.find(app, "frame", "Add elector", timeout=20)
    # The new entry follows the household's last: its number with the first suffix
    # (DOMAIN.md §1: no renumbering between revised registers).
    number_label = d.wait_for(lambda: [l for l in d.find_all(adder, "label")
                                       if re.fullmatch(r"[A-Z]+\d+/1", l.name)],
                              "the number the new elector will get", timeout=20)[0]
    expected_number = number_label.name
    household = [e for e in cli_json(cli_path, env, db, "register", "search",
                                     expected_number.split("/")[0])
                 if e["number"] == expected_number.split("/")[0]]
    assert household and household[0]["address"] == elector["address"], \
        (expected_number, household, elector)
    replace_text(d.find(adder, "text", "Forenames"), ADDED_FORENAMES)
    replace_text(d.find(adder, "text", "Surname"), ADDED_SURNAME)
    d.press(d.find_actionable(adder, "push button", "Save"))
    d.wait_for(lambda: not d.find_all(app, "frame", "Add elector"), "the editor to close")
    added = cli_json(cli_path, env, db, "register", "search", ADDED_SURNAME)
    assert [(e["number"], e["status"]) for e in added] == [(expected_number, "pending_addition")], \
        added

    # Publishes the notice of alteration that lists both changes.
    d.press(d.find_actionable(frame, "push button", "Register Menu"))
    d.press(d.find_actionable(app, None, "Publish Notice of Alteration…"))
    dialog = d.find(app, "frame", "Publish Notice of Alteration", timeout=20)
    d.wait_for(lambda: [r for r in d.find_all(dialog, None)
                        if ADDED_SURNAME in (r.name or "")], "the new elector in the preview",
               timeout=20)
    d.press(d.find_actionable(dialog, "push button", "Publish"))
    saved = d.wait_for(lambda: [l for l in d.find_all(dialog, "label")
                                if l.name.startswith("Saved as ")], "the notice to be published",
                       timeout=60)[0]
    pdf_path = re.match(r"Saved as (.+\.pdf) and ", saved.name).group(1)
    assert os.path.exists(pdf_path), pdf_path
    text = subprocess.check_output(["pdftotext", "-layout", pdf_path, "-"], text=True)
    assert "Notice of alteration" in text or "NOTICE OF ALTERATION" in text.upper(), text[:400]
    assert ADDED_SURNAME in text, f"the added elector is not in the notice:\n{text[:2000]}"
    assert AMENDED_SURNAME in text, f"the amendment is not in the notice:\n{text[:2000]}"
    assert expected_number in text, text[:2000]
    d.press(d.find_actionable(dialog, "push button", "Close"))

    # Publishing made the addition current; the command line sees it.
    added = cli_json(cli_path, env, db, "register", "search", ADDED_SURNAME)
    assert [e["status"] for e in added] == ["current"], added
    assert glob.glob(os.path.join(os.path.dirname(pdf_path), "notice-*.csv"))

    d.press(d.find_actionable(frame, "push button", "Close"))
    app_process.wait(timeout=15)


if __name__ == "__main__":
    d.in_session(os.path.abspath(__file__), sys.argv[1:])
    print("1..1")
    try:
        main(sys.argv[1], sys.argv[2])
    except Exception as error:
        print(f"not ok 1 register: {error}")
        raise
