#!/usr/bin/env python3
# test-staff.py — casual staff on the demo district, driven through the accessibility tree:
# appoint a person to a polling station on the demo's May poll from the appointment board
# and read the appointment back from the command line; once the station's staff have
# attended, approve the payroll run from the Payroll view, export it for the council's
# payroll as CSV and as an XLSX workbook and save the fee statements through the file
# chooser; then read the fee statement of the person appointed back with pdftotext and the
# workbook with a library (openpyxl), its totals against the payroll's own.
# Usage: test-staff.py ELECTORAL-DESK ELECTORAL-DESK-CLI READ-PAYROLL-XLSX
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi_driver as d  # noqa: E402

# The cost heads' names as the workbook writes them (ed-staff-vocab.c), by the ids the
# command line's JSON gives.
COST_HEAD_NAMES = {
    "staff_stations": "Staff at polling stations",
    "staff_count": "Staff at the count",
    "staff_postal_opening": "Staff at postal vote opening",
    "staff_poll_cards": "Staff for poll cards",
    "staff_administration": "Administration staff",
    "travel_subsistence": "Travel and subsistence",
    "training": "Training",
    "registration": "Electoral registration",
}


def cli(cli_path, env, db, *args):
    return subprocess.check_output([cli_path, "--db", db, *args], env=env, text=True)


def cli_json(cli_path, env, db, *args):
    return json.loads(cli(cli_path, env, db, *args, "--json"))


def main(app_path, cli_path, read_xlsx):
    if shutil.which("pdftotext") is None:
        print("1..0 # SKIP pdftotext is not installed")
        return
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        print("1..0 # SKIP openpyxl is not installed")
        return
    home = tempfile.mkdtemp(prefix="ed-e2e-")
    env = dict(os.environ, HOME=home,
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               GSETTINGS_BACKEND="memory",
               # The GTK file chooser, not a portal's: it is driven like any other dialog.
               GTK_USE_PORTAL="0",
               # The days after the demo's May poll, so that its staff can have attended.
               ED_TODAY="2028-05-10")
    db = os.path.join(home, "demo.db")
    # The demo written a year before: its May poll is then the next.
    subprocess.check_call([cli_path, "--db", db, "demo", "--electors", "2000"],
                          env=dict(env, ED_TODAY="2027-05-10"), stdout=subprocess.DEVNULL)
    files = {name: os.path.join(home, name)
             for name in ("payroll.csv", "payroll.xlsx", "statements.pdf")}

    bus = d.start_accessibility_bus()
    log = d.AppLog(home)
    app_process = None
    try:
        app_process = subprocess.Popen([app_path, "--db", db], env=env, stderr=log.file)
        appointment = appoint(cli_path, env, db)
        # Polling day is over: everyone at the station attended. The window is closed
        # and opened again on the payroll, as the next morning's work would be.
        app_process.terminate()
        app_process.wait(timeout=30)
        attend(cli_path, env, db, appointment)
        app_process = subprocess.Popen([app_path, "--db", db], env=env, stderr=log.file)
        pay(files)
    except Exception:
        try:
            d.dump(d.find_app("electoral-desk", timeout=2))
        except Exception:
            pass
        raise
    finally:
        if app_process is not None and app_process.poll() is None:
            app_process.kill()
        bus.kill()
    log.check()

    check_files(cli_path, env, db, appointment, files, read_xlsx, home)
    print("1..4")
    print("ok 1 a person appointed on the board is appointed on the command line")
    print("ok 2 the run approved in the Payroll view is approved on the command line")
    print("ok 3 the CSV saved for the payroll holds the run, to the penny")
    print("ok 4 the workbook's totals and the person's fee statement are the payroll's")


def top_level(app, title):
    """A window of the app by its title, whatever role the toolkit gives it."""
    return d.wait_for(lambda: [w for w in app if w is not None and w.name == title],
                      f"the window {title!r}", timeout=30)[0]


def open_staff_view(view):
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", None, timeout=60)
    sidebar = d.find(frame, "list", "Modules", timeout=60)
    row = d.find(sidebar, "list item", "Staff")
    sidebar.querySelection().selectChild(row.getIndexInParent())
    d.press(d.find_actionable(frame, None, view, timeout=30))
    return app, frame


def appoint(cli_path, env, db):
    """Appoints the first person the dialog offers to the first station on the board, and
    returns the appointment as the command line lists it."""
    app, frame = open_staff_view("Appointments")
    places = d.find(frame, "list", "Places", timeout=60)
    first = d.wait_for(lambda: d.find_all(places, "list item"), "the board's places",
                       timeout=60)[0]
    station_code = first.name.split()[0]
    places.querySelection().selectChild(first.getIndexInParent())
    d.press(d.find_actionable(frame, "push button", "Appoint…", timeout=20))

    dialog = top_level(app, "Appoint")
    people = d.find(dialog, "list", "People who hold the role", timeout=20)
    person = d.wait_for(lambda: d.find_all(people, "list item"), "the people offered")[0]
    people.querySelection().selectChild(person.getIndexInParent())
    d.press(d.find_actionable(dialog, "push button", "Appoint", timeout=10))

    def appointed():
        listed = cli_json(cli_path, env, db, "staff", "appointments", "--election",
                          election_id(cli_path, env, db))["appointments"]
        return [a for a in listed if a["station"] == station_code
                and a["state"] == "invited"]

    return d.wait_for(appointed, "the appointment to be recorded", timeout=20)[0]


def election_id(cli_path, env, db):
    return cli_json(cli_path, env, db, "election", "list")[0]["id"]


def attend(cli_path, env, db, appointment):
    """The person appointed accepts, is confirmed and attends, as the station's staff did."""
    for state in ("accepted", "confirmed", "attended"):
        cli(cli_path, env, db, "staff", "state", appointment["id"], state)
    listed = cli_json(cli_path, env, db, "staff", "appointments", "--election",
                      election_id(cli_path, env, db))["appointments"]
    for other in listed:
        if other["station"] == appointment["station"] and other["state"] == "confirmed":
            cli(cli_path, env, db, "staff", "state", other["id"], "attended")


def save_through_chooser(app, title, path):
    chooser = top_level(app, title)
    name = d.find(chooser, "text", "Name:", timeout=10)
    d.set_text(name, path)
    d.wait_for(lambda: d.get_text(name) == path, "the path typed")
    d.press(d.find_actionable(chooser, "push button", "Save"))
    d.wait_for(lambda: os.path.exists(path), f"{path} to be written", timeout=60)


def pay(files):
    app, frame = open_staff_view("Payroll")
    d.press(d.find_actionable(frame, "push button", "Approve Run…", timeout=60))
    question = top_level(app, "Approve the Payroll Run?")
    d.press(d.find_actionable(question, "push button", "Approve Run", timeout=10))

    export = d.wait_for(lambda: [b for b in d.find_all(frame, "push button",
                                                       "Export for Payroll…")
                                 if d.states(b).contains(d.pyatspi.STATE_SENSITIVE)],
                        "Export for Payroll… to be offered", timeout=30)[0]
    d.press(export)
    save_through_chooser(app, "Export for Payroll", files["payroll.csv"])
    d.press(d.find_actionable(frame, "push button", "Export for Payroll…", timeout=10))
    save_through_chooser(app, "Export for Payroll", files["payroll.xlsx"])
    d.press(d.find_actionable(frame, "push button", "Fee Statements…", timeout=10))
    save_through_chooser(app, "Save Fee Statements", files["statements.pdf"])


def check_files(cli_path, env, db, appointment, files, read_xlsx, home):
    election = election_id(cli_path, env, db)
    payroll = cli_json(cli_path, env, db, "payroll", "run", "--election", election)
    assert len(payroll["runs"]) == 1, payroll["runs"]
    assert payroll["pending"]["lines"] == 0, payroll["pending"]
    approved = payroll["approved"]
    assert approved["gross"] > 0, approved
    person = [p for p in payroll["people"] if p["id"] == appointment["person"]]
    assert person, f"the person appointed is not paid: {appointment}"
    person = person[0]

    # The CSV: the run's lines, which add up to the run.
    with open(files["payroll.csv"], newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == approved["lines"], (len(rows), approved["lines"])
    pence = sum(round(float(r["Amount"]) * 100) for r in rows)
    assert pence == approved["gross"], (pence, approved["gross"])

    # The workbook, read with a library against the payroll's own figures.
    expected = {
        "sheet": election,
        "lines": approved["lines"],
        "gross": approved["gross"],
        "taxable": approved["taxable"],
        "non_taxable": approved["non_taxable"],
        "people": {p["name"]: p["approved"]["gross"] for p in payroll["people"]},
        "cost_heads": {COST_HEAD_NAMES[h]: amount
                       for h, amount in approved["cost_heads"].items() if amount != 0},
    }
    expected_path = os.path.join(home, "expected.json")
    with open(expected_path, "w", encoding="utf-8") as f:
        json.dump(expected, f)
    subprocess.check_call([sys.executable, read_xlsx, files["payroll.xlsx"], expected_path])

    # The fee statement of the person appointed, as they would read it.
    text = subprocess.check_output(["pdftotext", "-layout", files["statements.pdf"], "-"],
                                   text=True)
    family, given = person["name"].split(", ", 1)
    start = text.find(f"{given} {family}")
    assert start >= 0, f"no statement for {person['name']}"
    statement = text[start:]
    total = "£{:,.2f}".format(person["approved"]["gross"] / 100)
    assert f"Total: {total}" in statement, statement[:1500]
    assert person["payroll_reference"] in statement, statement[:1500]
    for line in person["lines"]:
        assert line["description"] in statement, (line["description"], statement[:1500])


if __name__ == "__main__":
    d.in_session(os.path.abspath(__file__), sys.argv[1:])
    main(sys.argv[1], sys.argv[2], sys.argv[3])
