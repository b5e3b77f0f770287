#!/usr/bin/env python3
# test-first-run.py — a new desk's first session, driven through the accessibility tree:
# the welcome page, open the demo district, visit every module from the sidebar, open
# preferences, rename the council, close; then the command line sees the new name. On the way
# it finds an elector on the Register page by surname.
# Usage: test-first-run.py ELECTORAL-DESK ELECTORAL-DESK-CLI
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi_driver as d  # noqa: E402

MODULES = ["Register", "Polling Stations", "Elections", "Staff", "Accounts", "Sync"]
NEW_NAME = "Borough of Testmere"


def main(app_path, cli_path):
    home = tempfile.mkdtemp(prefix="ed-e2e-")
    env = dict(os.environ,
               HOME=home,
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               GSETTINGS_BACKEND="memory")
    demo_path = os.path.join(home, "data", "org.electoraldesk.ElectoralDesk",
                             "demo-district.db")
    bus = d.start_accessibility_bus()
    log = d.AppLog(home)
    app_process = subprocess.Popen([app_path], env=env, stderr=log.file)
    try:
        run_session(app_process, cli_path, env, demo_path)
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
    print("ok 1 first run: welcome, demo, modules, preferences, rename, CLI sees it")


def run_session(app_process, cli_path, env, demo_path):
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", "Electoral Desk")

    # The welcome page on a fresh desk.
    d.find(frame, "label", "Welcome to Electoral Desk")
    d.press(d.find_actionable(frame, "push button", "Open the Demo District"))

    # The district opens; its name heads the sidebar.
    # Writing the 60,000-elector demo register takes a while on a slow machine.
    d.find(frame, "list item", "Register", timeout=180)
    assert os.path.exists(demo_path), "the demo district file was not written"
    council = json.loads(subprocess.check_output(
        [cli_path, "--db", demo_path, "settings", "list", "--json"], env=env))["council-name"]
    d.find(frame, "label", council)
    assert council in frame.name, f"window title {frame.name!r} lacks {council!r}"

    # Every module, by its accessible name in the sidebar.
    sidebar = d.find(frame, "list", "Modules")
    for index, module in enumerate(MODULES):
        row = d.find(sidebar, "list item", module)
        sidebar.querySelection().selectChild(row.getIndexInParent())
        d.wait_for(lambda: any(d.is_showing(l) for l in d.find_all(frame, "label", module)),
                   f"the {module} page")
        if module == "Register":
            search_register(frame, cli_path, env, demo_path)
        elif module == "Polling Stations":
            # The demo's polling plan, worked out in the background, then its views.
            d.find(frame, "list", "Polling stations", timeout=60)
            for view in ("Places", "Map", "Reviews"):
                d.find_actionable(frame, None, view)
        elif module == "Elections":
            # The demo holds the council's May poll: the page shows its timetable and offers
            # to add another.
            d.find(frame, "list", "Timetable", timeout=30)
            d.find_actionable(frame, "push button", "New Election")
        elif module == "Staff":
            # The demo's staff list, with its search; a person is added from the header bar;
            # the page's other views are there to switch to.
            d.find(frame, "tree table", "Staff", timeout=30)
            d.find(frame, "entry", "Search the staff")
            d.find_actionable(frame, "push button", "Add Person")
            for view in ("Appointments", "Payroll"):
                d.find_actionable(frame, None, view)
        elif module == "Accounts":
            # The account of the demo's May poll: its budget by head, the payroll to bring
            # in; the ledger and the claim are views to switch to.
            d.find(frame, "push button", "Bring In Payroll", timeout=30)
            for view in ("Budget", "Spending", "Claim"):
                d.find_actionable(frame, None, view)
        elif module == "Sync":
            # A new desk does not sync: the page says so and offers to set it up.
            d.find(frame, "label", "This Desk Does Not Sync")
            d.find(frame, "push button", "Set Up Sync…")
        else:
            d.find(frame, "label", "Not Built Yet")

    # Preferences, from the main menu.
    d.press(d.find_actionable(frame, "push button", "Main Menu"))
    d.press(d.find_actionable(app, None, "Preferences"))
    prefs = d.find(app, "frame", "Preferences")
    name_field = d.find(prefs, "text", "Council name")
    assert d.get_text(name_field) == council, d.get_text(name_field)

    # Click into the field, replace its text and press Enter, as a person would.
    d.click(name_field)
    time.sleep(0.5)
    d.key_combo("a", ["ctrl"])
    d.type_text(NEW_NAME)
    d.wait_for(lambda: d.get_text(name_field) == NEW_NAME, "the typed name")
    d.key_combo("Return")
    d.find(prefs, "label", "Council name saved")

    # The window follows the new name.
    d.wait_for(lambda: NEW_NAME in frame.name, "the window title to change")
    d.press(d.find_actionable(prefs, "push button", "Close"))
    d.wait_for(lambda: not d.find_all(app, "frame", "Preferences"), "preferences to close")

    # Close the window; the app ends.
    d.press(d.find_actionable(frame, "push button", "Close"))
    app_process.wait(timeout=15)

    info = json.loads(subprocess.check_output(
        [cli_path, "--db", demo_path, "info", "--json"], env=env))
    assert info["district"]["council-name"] == NEW_NAME, info["district"]
    assert info["tables"]["district"] == 1


def search_register(frame, cli_path, env, demo_path):
    """Finds elector AA1 by surname, as a clerk at the counter would, then clears the search."""
    elector = json.loads(subprocess.check_output(
        [cli_path, "--db", demo_path, "register", "search", "AA1", "--json"], env=env))[0]
    surname = elector["name"].split()[-1]
    # GTK 4.8 gives a search entry the role "entry", not "text".
    search = d.find(frame, "entry", "Search the register", timeout=20)
    d.click(search)
    time.sleep(0.5)
    d.type_text(surname)
    d.wait_for(lambda: d.get_text(search) == surname, "the typed surname")
    # AA1 heads the whole register too, so wait for the search's own status first.
    d.wait_for(lambda: status_label(frame, r"(First [\d,]+ of )?[\d,]+ match(es)?"), "the search's matches",
               timeout=20)
    d.wait_for(lambda: d.find_all(frame, "label", "AA1"), f"elector AA1 found by {surname!r}",
               timeout=20)
    d.key_combo("Escape")
    d.wait_for(lambda: d.get_text(search) == "", "the search to clear")
    d.wait_for(lambda: status_label(frame, r"[\d,]+ electors?"), "the whole register again",
               timeout=20)


def status_label(frame, pattern):
    return [label for label in d.find_all(frame, "label")
            if re.fullmatch(pattern, label.name)]


if __name__ == "__main__":
    d.in_session(os.path.abspath(__file__), sys.argv[1:])
    print("1..1")
    try:
        main(sys.argv[1], sys.argv[2])
    except Exception as error:
        print(f"not ok 1 first run: {error}")
        raise
