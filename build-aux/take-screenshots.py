#!/usr/bin/env python3
# take-screenshots.py — renews the screenshots in data/screenshots/ (README and AppStream)
# by driving the built app under Xvfb through the accessibility tree.
# Usage: build-aux/take-screenshots.py BUILD-DIR [OUT-DIR]
# Needs: imagemagick (import), and what the e2e tests need.
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(root, "tests", "e2e"))
import atspi_driver as d  # noqa: E402


def shoot(path, width=1100, height=720):
    time.sleep(0.8)
    subprocess.check_call(["import", "-window", "root", "-crop",
                           f"{width}x{height}+0+0", "+repage", path])
    print(path)


def first_elector_number(frame):
    """The number in the register list's first row."""
    return d.wait_for(lambda: [l for l in d.find_all(frame, "label")
                               if re.fullmatch(r"[A-Z]{2,3}\d+(/\d+)?", l.name)],
                      "an elector in the list", timeout=20)[0].name


def open_elector(frame, number):
    d.click(d.find(frame, "label", number, timeout=20))
    time.sleep(0.3)
    d.key_combo("Return")


def open_household(frame, number):
    d.click(d.find(frame, "label", number, timeout=20))
    time.sleep(0.3)
    d.key_combo("h", ["alt"])


def main(build_dir, out_dir):
    app_path = os.path.join(build_dir, "src", "electoral-desk")
    cli_path = os.path.join(build_dir, "src", "cli", "electoral-desk-cli")
    home = tempfile.mkdtemp(prefix="ed-shots-")
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"), GSETTINGS_BACKEND="memory",
               GSETTINGS_SCHEMA_DIR=os.path.join(build_dir, "data"))
    bus = d.start_accessibility_bus()
    process = subprocess.Popen([app_path], env=env)
    try:
        app = d.find_app("electoral-desk")
        frame = d.find(app, "frame", "Electoral Desk")
        d.find(frame, "label", "Welcome to Electoral Desk")
        shoot(os.path.join(out_dir, "welcome.png"))

        d.press(d.find_actionable(frame, "push button", "Open the Demo District"))
        d.find(frame, "list item", "Register", timeout=60)
        shoot(os.path.join(out_dir, "window.png"))

        # The register page, searched as an officer would at the counter.
        search = d.find(frame, "entry", "Search the register")
        d.click(search)
        d.type_text("Cartwright Lin")
        d.wait_for(lambda: d.get_text(search) == "Cartwright Lin", "the typed search")
        time.sleep(1.0)
        shoot(os.path.join(out_dir, "register-search.png"))

        # The elector editor, after an amendment, so its history has an entry.
        number = first_elector_number(frame)
        open_elector(frame, number)
        editor = d.find(app, "frame", "Edit Elector", timeout=20)
        surname = d.find(editor, "text", "Surname")
        d.click(surname)
        time.sleep(0.3)
        d.key_combo("a", ["ctrl"])
        d.type_text("Cartwright-Lin")
        d.press(d.find_actionable(editor, "push button", "Save"))
        d.wait_for(lambda: not d.find_all(app, "frame", "Edit Elector"), "the editor to close")
        open_elector(frame, number)
        d.find(app, "frame", "Edit Elector", timeout=20)
        shoot(os.path.join(out_dir, "editor.png"))
        d.key_combo("Escape")
        d.wait_for(lambda: not d.find_all(app, "frame", "Edit Elector"), "the editor to close")
        d.key_combo("Escape")

        # Filtered to attainers, with the selected elector's household beside the list.
        d.press(d.find_actionable(frame, None, "Attainers"))
        time.sleep(1.0)
        open_household(frame, first_elector_number(frame))
        shoot(os.path.join(out_dir, "register-filters.png"))
        d.key_combo("Escape")

        # The notice of alteration the amendment joins, before it is published.
        d.press(d.find_actionable(frame, "push button", "Register Menu"))
        d.press(d.find_actionable(app, "menu item", "Publish Notice of Alteration…", timeout=40))
        d.find(app, "frame", "Publish Notice of Alteration", timeout=20)
        shoot(os.path.join(out_dir, "notice.png"))
        d.key_combo("Escape")

        d.press(d.find_actionable(frame, "push button", "Main Menu"))
        d.press(d.find_actionable(app, None, "Preferences"))
        d.find(app, "frame", "Preferences")
        shoot(os.path.join(out_dir, "preferences.png"))
        d.key_combo("Escape")
        d.wait_for(lambda: not d.find_all(app, "frame", "Preferences"), "preferences to close")

        # The set-up dialog, from the Sync page of a desk that does not sync yet.
        sidebar = d.find(frame, "list", "Modules")
        row = d.find(sidebar, "list item", "Sync")
        sidebar.querySelection().selectChild(row.getIndexInParent())
        d.press(d.find_actionable(frame, "push button", "Set Up Sync…", timeout=20))
        d.find(app, "frame", "Set Up Sync", timeout=20)
        shoot(os.path.join(out_dir, "sync-setup.png"))
        process.kill()
        process.wait()

        # The same district in the smallest window an office desktop gives it, and in Welsh.
        demo = next(os.path.join(folder, name) for folder, _, names in os.walk(home)
                    for name in names if name.endswith(".db"))
        # Two changes waiting for the next notice, to show in the list's Pending column.
        for change in (("amend", "AA2", "--surname", "Winterbottom-Hale"),
                       ("delete", "AA5", "--reason", "moved")):
            subprocess.check_call([cli_path, "--db", demo, "register", *change], env=env,
                                  stdout=subprocess.DEVNULL)
        small_env = dict(env, GSETTINGS_BACKEND="keyfile")
        for key, value in (("window-width", "1024"), ("window-height", "700")):
            subprocess.check_call(["gsettings", "set", "org.electoraldesk.ElectoralDesk",
                                   key, value], env=small_env)
        process = open_district(app_path, demo, small_env)
        shoot(os.path.join(out_dir, "register-1024x700.png"), 1024, 700)
        process.kill()
        process.wait()

        welsh_env = dict(env, LANGUAGE="cy", LC_ALL="C.UTF-8",
                         ED_LOCALEDIR=os.path.join(build_dir, "po"))
        process = open_district(app_path, demo, welsh_env)
        shoot(os.path.join(out_dir, "register-welsh.png"))
        process.kill()
        process.wait()

        # The Sync page of a desk whose team changed one elector on two desks at once.
        process = sync_conflict(app_path, cli_path, small_env, home)
        shoot(os.path.join(out_dir, "sync-conflict.png"), 1024, 700)
        process.kill()
        process.wait()

        process = stations(app_path, cli_path, env, home, out_dir)
        process.kill()
        process.wait()

        process = elections(app_path, cli_path, env, home, out_dir)
        process.kill()
        process.wait()

        process = staff(app_path, cli_path, env, home, out_dir)
        process.kill()
        process.wait()

        process = accounts(app_path, cli_path, env, home, out_dir)
    finally:
        process.kill()
        bus.kill()
        shutil.rmtree(home, ignore_errors=True)


def sync_conflict(app_path, cli_path, env, home):
    """Two desks of a team through a shared folder, each changing elector AA1's surname
    unseen by the other; the app opens on the first, on its Sync page."""
    dbs = [os.path.join(home, f"sync-desk-{name}.db") for name in "ab"]
    share = os.path.join(home, "share")
    passphrase = os.path.join(home, "passphrase")
    os.makedirs(share)
    with open(passphrase, "w") as f:
        f.write("Ashmere Vale polling day 2027\n")

    def cli(db, *args):
        subprocess.check_call([cli_path, "--db", db, *args], env=env, stdout=subprocess.DEVNULL)

    def sync_both():
        for _ in range(2):
            for db in dbs:
                cli(db, "sync", "now")

    cli(dbs[0], "demo", "--electors", "300")
    cli(dbs[0], "sync", "setup", "--folder", share, "--passphrase-file", passphrase)
    cli(dbs[1], "sync", "join", "--folder", share, "--passphrase-file", passphrase)
    sync_both()
    cli(dbs[0], "register", "amend", "AA1", "--surname", "Alderton")
    cli(dbs[1], "register", "amend", "AA1", "--surname", "Bellingham")
    sync_both()

    process = subprocess.Popen([app_path, "--db", dbs[0]], env=env)
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", None, timeout=30)
    sidebar = d.find(frame, "list", "Modules", timeout=30)
    row = d.find(sidebar, "list item", "Sync")
    sidebar.querySelection().selectChild(row.getIndexInParent())
    d.find(frame, "push button", "Resolve Surname of", timeout=20)
    return process


def stations(app_path, cli_path, env, home, out_dir):
    """The Polling Stations page of a demo district with a review under way: its polling
    plan, its places, its map, the review, a place in its editor; and the first page of the
    committee report."""
    db = os.path.join(home, "stations.db")
    report = os.path.join(home, "committee-report.pdf")

    def cli(*args):
        subprocess.check_call([cli_path, "--db", db, *args], env=env, stdout=subprocess.DEVNULL)

    cli("demo", "--electors", "20000")
    cli("stations", "review", "new", "--kind", "interim", "--title",
        "Review of polling districts and places 2026", "--started", "2026-10-01")
    cli("stations", "review", "representation", "--from", "Wexcombe Town Council",
        "--kind", "parish_council", "--received", "2026-10-20", "--district", "AA",
        "--text", "The chapel hall is easier to reach than the school for older electors.",
        "--response", "Agreed: the chapel hall is proposed for AA.")
    cli("stations", "review", "proposal", "--district", "AB", "--action", "keep",
        "--reason", "No representations; the place is accessible and well used.")
    cli("stations", "review", "report", "-o", report)
    subprocess.check_call(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                           report, os.path.join(out_dir, "review-report")])
    print(os.path.join(out_dir, "review-report.png"))

    process = subprocess.Popen([app_path, "--db", db], env=env)
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", None, timeout=30)
    sidebar = d.find(frame, "list", "Modules", timeout=30)
    row = d.find(sidebar, "list item", "Polling Stations")
    sidebar.querySelection().selectChild(row.getIndexInParent())
    d.find(frame, "list", "Polling stations", timeout=30)
    shoot(os.path.join(out_dir, "stations-plan.png"))

    d.press(d.find_actionable(frame, None, "Places", timeout=20))
    d.find(frame, "label", "Polling Places", timeout=20)
    shoot(os.path.join(out_dir, "stations-places.png"))

    d.press(d.find_actionable(frame, None, "Map", timeout=20))
    d.find(frame, None, "Map of Polling Stations", timeout=60)
    time.sleep(2.0)
    shoot(os.path.join(out_dir, "stations-map.png"))

    d.press(d.find_actionable(frame, None, "Reviews", timeout=20))
    d.find(frame, "label", "What the Law Asks", timeout=20)
    shoot(os.path.join(out_dir, "stations-review.png"))

    d.press(d.find_actionable(frame, None, "Places", timeout=20))
    # The venue with an accessibility issue, in its editor: a click on its row opens it.
    row = d.find(frame, None, "Wexcombe East Primary School", timeout=20)
    d.click(row)
    d.find(app, "frame", "Polling Place", timeout=20)
    shoot(os.path.join(out_dir, "place-editor.png"))
    return process


def card_pages(cli_path, env, db, election, home):
    """The page of the proof that holds the front of the first card of each variant, from the
    printer's data file of the same run (one card a row, fronts on odd pages)."""
    import csv
    data = os.path.join(home, "cards.csv")
    subprocess.check_call([cli_path, "--db", db, "pollcards", "data", election, "-o", data],
                          env=env, stdout=subprocess.DEVNULL)
    pages = {}
    with open(data, newline="", encoding="utf-8") as f:
        for index, row in enumerate(csv.DictReader(f)):
            key = row["variant"] + ("-anonymous" if row.get("anonymous") in ("1", "yes", "true")
                                    else "")
            pages.setdefault(key, 2 * index + 1)
    return pages


def elections(app_path, cli_path, env, home, out_dir):
    """The Elections page on the demo's May poll, the poll-card dialog with its pre-print
    report and previews, and a proof card of each variant, front and back."""
    db = os.path.join(home, "elections.db")
    proof = os.path.join(home, "proof.pdf")
    subprocess.check_call([cli_path, "--db", db, "demo", "--electors", "20000"], env=env,
                          stdout=subprocess.DEVNULL)
    listed = subprocess.check_output([cli_path, "--db", db, "election", "list", "--json"],
                                     env=env, text=True)
    import json
    election = [e["id"] for e in json.loads(listed) if e["kind"] == "local"][0]
    subprocess.check_call([cli_path, "--db", db, "pollcards", "print", election, "-o", proof,
                           "--proof"], env=env, stdout=subprocess.DEVNULL)
    for key, page in sorted(card_pages(cli_path, env, db, election, home).items()):
        # Every variant's front; the backs differ less, so the ordinary card's stands for them.
        sides = (("front", page), ("back", page + 1)) if key == "ordinary" else (("front", page),)
        for side, number in sides:
            base = os.path.join(out_dir, f"poll-card-{key.replace('_', '-')}-{side}")
            subprocess.check_call(["pdftoppm", "-png", "-r", "100", "-f", str(number), "-l",
                                   str(number), "-singlefile", proof, base])
            print(base + ".png")

    process = subprocess.Popen([app_path, "--db", db], env=env)
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", None, timeout=30)
    sidebar = d.find(frame, "list", "Modules", timeout=30)
    row = d.find(sidebar, "list item", "Elections")
    sidebar.querySelection().selectChild(row.getIndexInParent())
    d.find(frame, None, "Notice of election", timeout=30)
    shoot(os.path.join(out_dir, "elections-page.png"))

    d.press(d.find_actionable(frame, "push button", "Poll Cards…", timeout=60))
    d.wait_for(lambda: [l for l in d.find_all(app, "label")
                        if (l.name or "").startswith("Pre-Print Check")],
               "the poll-card dialog", timeout=60)
    time.sleep(4.0)
    shoot(os.path.join(out_dir, "poll-card-dialog.png"))
    return process


def staff(app_path, cli_path, env, home, out_dir):
    """The Staff page's three views on the demo's May poll, the day after it, and the first
    fee statement of its approved payroll."""
    import json
    db = os.path.join(home, "staff.db")
    statements = os.path.join(home, "statements.pdf")
    # The demo written a year before the poll, opened the week after it: its staff can
    # have attended.
    subprocess.check_call([cli_path, "--db", db, "demo", "--electors", "20000"],
                          env=dict(env, ED_TODAY="2027-05-10"), stdout=subprocess.DEVNULL)
    env = dict(env, ED_TODAY="2028-05-10")
    election = [e["id"] for e in json.loads(subprocess.check_output(
        [cli_path, "--db", db, "election", "list", "--json"], env=env, text=True))
                if e["kind"] == "local"][0]
    listed = json.loads(subprocess.check_output(
        [cli_path, "--db", db, "staff", "appointments", "--election", election, "--json"],
        env=env, text=True))["appointments"]
    for appointment in listed:
        if appointment["state"] == "confirmed":
            subprocess.check_call([cli_path, "--db", db, "staff", "state", appointment["id"],
                                   "attended"], env=env, stdout=subprocess.DEVNULL)
    subprocess.check_call([cli_path, "--db", db, "payroll", "approve", "--election", election,
                           "--by", "Priya Natarajan"], env=env, stdout=subprocess.DEVNULL)
    subprocess.check_call([cli_path, "--db", db, "payroll", "statements", "--election",
                           election, "-o", statements], env=env, stdout=subprocess.DEVNULL)
    base = os.path.join(out_dir, "fee-statement")
    subprocess.check_call(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                           statements, base])
    print(base + ".png")

    process = subprocess.Popen([app_path, "--db", db], env=env)
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", None, timeout=30)
    sidebar = d.find(frame, "list", "Modules", timeout=30)
    row = d.find(sidebar, "list item", "Staff")
    sidebar.querySelection().selectChild(row.getIndexInParent())
    d.find(frame, "entry", "Search the staff", timeout=30)
    time.sleep(2.0)
    shoot(os.path.join(out_dir, "staff-people.png"))
    d.press(d.find_actionable(frame, None, "Appointments", timeout=10))
    d.find(frame, "list", "Places", timeout=60)
    # The pointer out of the way: a tooltip is not part of the board.
    d.pyatspi.Registry.generateMouseEvent(1095, 715, "abs")
    time.sleep(3.0)
    shoot(os.path.join(out_dir, "staff-board.png"))
    d.press(d.find_actionable(frame, None, "Payroll", timeout=10))
    d.find(frame, None, "People paid", timeout=60)
    time.sleep(3.0)
    shoot(os.path.join(out_dir, "staff-payroll.png"))
    return process


def accounts(app_path, cli_path, env, home, out_dir):
    """The Accounts page's views on the demo's May poll and its parish poll, the week after
    polling day with the payroll brought in, and the first pages of its statement."""
    import json
    db = os.path.join(home, "accounts.db")
    statement = os.path.join(home, "statement.pdf")
    subprocess.check_call([cli_path, "--db", db, "demo", "--electors", "20000"],
                          env=dict(env, ED_TODAY="2027-05-10"), stdout=subprocess.DEVNULL)
    env = dict(env, ED_TODAY="2028-05-10")
    election = [e["id"] for e in json.loads(subprocess.check_output(
        [cli_path, "--db", db, "election", "list", "--json"], env=env, text=True))
                if e["kind"] == "local"][0]
    listed = json.loads(subprocess.check_output(
        [cli_path, "--db", db, "staff", "appointments", "--election", election, "--json"],
        env=env, text=True))["appointments"]
    for appointment in listed:
        if appointment["state"] == "confirmed":
            subprocess.check_call([cli_path, "--db", db, "staff", "state", appointment["id"],
                                   "attended"], env=env, stdout=subprocess.DEVNULL)
    for args in (("payroll", "approve", "--election", election, "--by", "Priya Natarajan"),
                 ("accounts", "payroll", "--election", election),
                 ("accounts", "statement", "--election", election, "-o", statement)):
        subprocess.check_call([cli_path, "--db", db, *args], env=env, stdout=subprocess.DEVNULL)
    for page in (1, 2):
        base = os.path.join(out_dir, f"accounts-statement-{page}")
        subprocess.check_call(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page),
                               "-singlefile", statement, base])
        print(base + ".png")

    process = subprocess.Popen([app_path, "--db", db], env=env)
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", None, timeout=30)
    sidebar = d.find(frame, "list", "Modules", timeout=30)
    row = d.find(sidebar, "list item", "Accounts")
    sidebar.querySelection().selectChild(row.getIndexInParent())
    d.find(frame, "push button", "Bring In Payroll", timeout=60)
    d.pyatspi.Registry.generateMouseEvent(1095, 715, "abs")
    time.sleep(3.0)
    shoot(os.path.join(out_dir, "accounts-budget.png"))
    for view in ("Spending", "Apportionment", "Claim"):
        d.press(d.find_actionable(frame, None, view, timeout=10))
        time.sleep(3.0)
        shoot(os.path.join(out_dir, f"accounts-{view.lower()}.png"))
    return process


def open_district(app_path, db, env):
    """Starts the app on @db and waits for the register's rows."""
    process = subprocess.Popen([app_path, "--db", db], env=env)
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", None, timeout=30)
    first_elector_number(frame)
    return process


if __name__ == "__main__":
    d.in_session(os.path.abspath(__file__), sys.argv[1:])
    build = os.path.abspath(sys.argv[1])
    out = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else
                          os.path.join(root, "data", "screenshots"))
    os.makedirs(out, exist_ok=True)
    if len(sys.argv) > 3 and sys.argv[3] in ("--only-elections", "--only-staff",
                                             "--only-accounts"):
        # One module's shots alone, as the module is worked on.
        home = tempfile.mkdtemp(prefix="ed-shots-")
        env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
                   XDG_CONFIG_HOME=os.path.join(home, "config"), GSETTINGS_BACKEND="memory",
                   GSETTINGS_SCHEMA_DIR=os.path.join(build, "data"))
        bus = d.start_accessibility_bus()
        try:
            shots = {"--only-elections": elections, "--only-staff": staff,
                     "--only-accounts": accounts}[sys.argv[3]]
            shots(os.path.join(build, "src", "electoral-desk"),
                  os.path.join(build, "src", "cli", "electoral-desk-cli"), env, home,
                  out).kill()
        finally:
            bus.kill()
            shutil.rmtree(home, ignore_errors=True)
    else:
        main(build, out)
