#!/usr/bin/env python3
# test-register.py — a day at the register desk, driven through the accessibility tree: find
# an elector by surname and by postcode, open the entry, amend the surname and save; start an
# edit and discard it; look an elector up by number with Enter; add a new elector at the same
# address and see the next suffix; delete an elector and Undo it from the toast; try to publish
# the notice of alteration before its determination deadline and be refused; the next day,
# publish it early after confirming; the notice's PDF (pdftotext) lists both changes, and the
# command line sees them. The application must log no GLib critical or warning throughout.
# Usage: test-register.py ELECTORAL-DESK ELECTORAL-DESK-CLI
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime
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
    env["ED_E2E_DB"] = db
    subprocess.check_call([cli_path, "--db", db, "demo", "--electors", "3000"], env=env,
                          stdout=subprocess.DEVNULL)
    # The first notice whose determination deadline is today or later: the window is run on
    # that deadline (refused), then on the day after (allowed before its date, when confirmed).
    today = datetime.date.today()
    notice = [n for n in cli_json(cli_path, env, db, "register", "timetable", "--from",
                                  today.isoformat(), "--months", "3")
              if n["determination"] >= today.isoformat()][0]
    deadline = datetime.date.fromisoformat(notice["determination"])
    bus = d.start_accessibility_bus()
    try:
        state = {}
        run_app(app_path, dict(env, ED_TODAY=deadline.isoformat()), home,
                lambda app_process: first_day(app_process, cli_path, env, db, state))
        run_app(app_path, dict(env, ED_TODAY=(deadline + datetime.timedelta(days=1)).isoformat()),
                home, lambda app_process: next_day(app_process, cli_path, env, db, state, notice))
    finally:
        bus.kill()
    print("ok 1 register: search, amend, discard, look-up, add, undo, refused and confirmed publish")


def run_app(app_path, env, home, session):
    log = d.AppLog(home)
    app_process = subprocess.Popen([app_path, "--db", env["ED_E2E_DB"]], env=env, stderr=log.file)
    try:
        session(app_process)
    except Exception:
        try:
            d.dump(d.find_app("electoral-desk", timeout=2))
        except Exception:
            pass
        for line in log.problems():
            print(line, file=sys.stderr)
        raise
    finally:
        if app_process.poll() is None:
            app_process.kill()
    log.check()


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
    d.wait_for(lambda: status_label(frame, r"(First [\d,]+ of )?[\d,]+ match(es)?"), "the search's matches",
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


def unique_by_number(cli_path, env, db, elector):
    """Whether searching the elector's number finds them alone."""
    found = cli_json(cli_path, env, db, "register", "search", elector["number"])
    return [e["number"] for e in found] == [elector["number"]]


def first_day(app_process, cli_path, env, db, state):
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", None, timeout=60)
    elector = pick_elector(cli_path, env, db)
    surname = elector["name"].split()[-1]
    state["elector"] = elector

    # A clerk finds the elector by surname, then by postcode.
    search_for(frame, surname)
    d.find(frame, "label", elector["number"], timeout=20)
    search_for(frame, elector["postcode"])
    d.find(frame, "label", elector["number"], timeout=20)

    # Opens the entry and amends the surname; a toast says it is saved.
    open_row(frame, elector["number"])
    editor = d.find(app, "frame", "Edit Elector", timeout=20)
    replace_text(d.find(editor, "text", "Surname"), AMENDED_SURNAME)
    d.press(d.find_actionable(editor, "push button", "Save"))
    d.wait_for(lambda: not d.find_all(app, "frame", "Edit Elector"), "the editor to close")
    amended = cli_json(cli_path, env, db, "register", "search", AMENDED_SURNAME)
    assert [e["number"] for e in amended] == [elector["number"]], amended
    d.wait_for(lambda: [l for l in d.find_all(frame, "label") if l.name.endswith(" saved")],
               "the toast saying the change is saved")

    # Starts another edit and thinks better of it: Escape, then Discard, and nothing is kept.
    open_row(frame, elector["number"])
    editor = d.find(app, "frame", "Edit Elector", timeout=20)
    replace_text(d.find(editor, "text", "Surname"), "Discarded")
    d.key_combo("Escape")
    question = d.find(app, None, "Discard Changes?", timeout=20)
    d.press(d.find_actionable(app, "push button", "Discard"))
    d.wait_for(lambda: not d.find_all(app, "frame", "Edit Elector"), "the editor to close")
    assert not cli_json(cli_path, env, db, "register", "search", "Discarded")
    del question

    # Looks an elector up by number: the number, then Enter, opens the entry.
    by_number = [e for e in cli_json(cli_path, env, db, "register", "search", "AA1", "--limit",
                                     "200")
                 if e["status"] == "current" and not e["anonymous"]
                 and unique_by_number(cli_path, env, db, e)][0]
    search = d.find(frame, "entry", "Search the register", timeout=30)
    d.click(search)
    time.sleep(0.3)
    d.key_combo("f", ["ctrl"])    # selects the search text: typing replaces it
    d.type_text(by_number["number"])
    d.wait_for(lambda: d.get_text(search) == by_number["number"], "the typed number")
    d.wait_for(lambda: status_label(frame, r"1 match"), "the one match", timeout=20)
    d.key_combo("Return")
    editor = d.find(app, "frame", "Edit Elector", timeout=20)
    d.wait_for(lambda: [l for l in d.find_all(editor, "label") if l.name == by_number["number"]],
               "the number in the editor")
    d.key_combo("Escape")
    d.wait_for(lambda: not d.find_all(app, "frame", "Edit Elector"), "the editor to close")

    # Adds an elector at the same address: the household's number with the next suffix.
    search_for(frame, AMENDED_SURNAME)
    cell = d.find(frame, "label", elector["number"], timeout=20)
    d.click(cell)
    time.sleep(0.3)
    d.key_combo("n", ["ctrl"])
    adder = d.find(app, "frame", "Add Elector", timeout=20)
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
    d.wait_for(lambda: not d.find_all(app, "frame", "Add Elector"), "the editor to close")
    added = cli_json(cli_path, env, db, "register", "search", ADDED_SURNAME)
    assert [(e["number"], e["status"]) for e in added] == [(expected_number, "pending_addition")], \
        added
    state["expected_number"] = expected_number

    # Deletes the looked-up elector with the Delete key, then takes it back with Undo.
    search_for(frame, by_number["number"])
    cell = d.find(frame, "label", by_number["number"], timeout=20)
    d.click(cell)
    time.sleep(0.3)
    d.key_combo("Delete")
    surname = by_number["name"].split()[-1]
    question = d.wait_for(lambda: [n for n in d.find_all(app, "dialog")
                                   if n.name.startswith("Delete ") and surname in n.name],
                          "the delete question naming the elector", timeout=20)[0]
    # Each button's name is said once: "Cancel", not "_Cancel Cancel".
    names = [b.name for b in d.find_all(question, "push button")]
    assert "Cancel" in names and "Delete" in names, names
    assert not [n for n in names if n.startswith("_")], names
    # No reason is chosen for the officer: Delete waits for one.
    assert not [b for b in d.find_all(question, "push button", "Delete")
                if d.states(b).contains(d.pyatspi.STATE_SENSITIVE)], "Delete offered with no reason"
    d.click(d.find(question, "check box", "Died"))
    d.press(d.wait_for(lambda: [b for b in d.find_all(question, "push button", "Delete")
                                if d.states(b).contains(d.pyatspi.STATE_SENSITIVE)],
                       "Delete to be offered once a reason is chosen")[0])
    d.wait_for(lambda: [e["status"] for e in cli_json(cli_path, env, db, "register", "search",
                                                       by_number["number"])] == ["pending_deletion"],
               "the elector to be pending deletion")
    d.wait_for(lambda: [l for l in d.find_all(frame, "label")
                        if l.name.endswith(" to be deleted at the next notice")],
               "the toast saying the elector is to be deleted")
    d.press(d.find_actionable(frame, "push button", "Undo", timeout=20))
    d.wait_for(lambda: [e["status"] for e in cli_json(cli_path, env, db, "register", "search",
                                                       by_number["number"])] == ["current"],
               "Undo to put the elector back")
    del question

    # On the notice's determination deadline it cannot be published: changes determined that
    # day still belong in it.
    d.key_combo("p", ["ctrl", "shift"])
    dialog = d.find(app, "frame", "Publish Notice of Alteration", timeout=20)
    d.wait_for(lambda: [l for l in d.find_all(dialog, "label")
                        if "cannot be published yet" in (l.name or "")],
               "the refusal before the deadline", timeout=20)
    publish = d.find(dialog, "push button", "Publish")
    assert not d.states(publish).contains(d.pyatspi.STATE_SENSITIVE), "Publish is offered"
    d.press(d.find_actionable(dialog, "push button", "Close"))
    d.press(d.find_actionable(frame, "push button", "Close"))
    app_process.wait(timeout=15)


def next_day(app_process, cli_path, env, db, state, notice):
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", None, timeout=60)

    # The day after the deadline, before the notice's date: published once confirmed.
    d.press(d.find_actionable(frame, "push button", "Register Menu"))
    d.press(d.find_actionable(app, "menu item", "Publish Notice of Alteration…", timeout=40))
    dialog = d.find(app, "frame", "Publish Notice of Alteration", timeout=20)
    d.wait_for(lambda: [r for r in d.find_all(dialog, None)
                        if ADDED_SURNAME in (r.name or "")], "the new elector in the preview",
               timeout=20)
    d.press(d.find_actionable(dialog, "push button", "Publish"))
    early = notice["publication"] > (datetime.date.fromisoformat(notice["determination"])
                                     + datetime.timedelta(days=1)).isoformat()
    question = d.wait_for(lambda: [n for n in d.find_all(app, "dialog")
                                   if n.name.startswith("Publish the Notice of")],
                          "the question before publishing", timeout=30)[0]
    body = d.wait_for(lambda: [l for l in d.find_all(question, "label")
                               if re.search(r"\d+ additions?, \d+ deletions? and \d+ amendments?",
                                            l.name or "")],
                      "the question naming what will change")[0]
    assert ("before its date" in body.name) == early, body.name
    d.press(d.find_actionable(question, "push button", "Publish Early" if early else "Publish"))
    del question
    saved = d.wait_for(lambda: [l for l in d.find_all(dialog, "label")
                                if l.name.startswith("Saved as ")], "the notice to be published",
                       timeout=60)[0]
    pdf_path = re.match(r"Saved as (.+\.pdf) and ", saved.name).group(1)
    assert os.path.exists(pdf_path), pdf_path
    text = subprocess.check_output(["pdftotext", "-layout", pdf_path, "-"], text=True)
    assert "Notice of alteration" in text or "NOTICE OF ALTERATION" in text.upper(), text[:400]
    assert ADDED_SURNAME in text, f"the added elector is not in the notice:\n{text[:2000]}"
    assert AMENDED_SURNAME in text, f"the amendment is not in the notice:\n{text[:2000]}"
    assert state["expected_number"] in text, text[:2000]
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
