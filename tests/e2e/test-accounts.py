#!/usr/bin/env python3
# test-accounts.py — the returning officer's account of the demo's May poll and its combined
# parish poll, driven through the accessibility tree: once the poll's staff have attended and
# their payroll is approved (on the command line, as the staff module's own test does it
# through the window), a cost is entered through the Add Entry dialog, the payroll is brought
# in, and the statement is saved as PDF and as a workbook through the file chooser; then the
# account is read back on the command line, the statement with pdftotext and the workbook
# with a library (openpyxl), every figure against the account's own.
# Usage: test-accounts.py ELECTORAL-DESK ELECTORAL-DESK-CLI READ-ACCOUNTS-XLSX
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi_driver as d  # noqa: E402

# The cost heads' names as the statement and the workbook write them (ed-staff-vocab.c), by
# the ids the command line's JSON gives.
COST_HEAD_NAMES = {
    "ro_fees": "Returning officer and deputy fees",
    "staff_stations": "Staff at polling stations",
    "staff_count": "Staff at the count",
    "staff_postal_opening": "Staff at postal vote opening",
    "staff_poll_cards": "Staff for poll cards",
    "staff_administration": "Administration staff",
    "travel_subsistence": "Travel and subsistence",
    "nominations": "Nominations",
    "ballot_papers": "Ballot papers",
    "poll_cards": "Poll cards: print and postage",
    "postal_votes": "Postal votes: print and postage",
    "candidate_mailings": "Candidates’ election addresses",
    "notices": "Notices and advertising",
    "premises": "Premises",
    "equipment": "Equipment and transport",
    "it": "IT",
    "training": "Training",
    "other": "Stationery, phone, bank and other",
}

SUPPLIER = "Harbour Hall Lettings"
NET = "£437.50"
NET_PENCE = 43750


def cli(cli_path, env, db, *args):
    return subprocess.check_output([cli_path, "--db", db, *args], env=env, text=True)


def cli_json(cli_path, env, db, *args):
    return json.loads(cli(cli_path, env, db, *args, "--json"))


def money(pence):
    sign = "-" if pence < 0 else ""
    return "{}£{:,.2f}".format(sign, abs(pence) / 100)


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
               # The days after the demo's May poll, so that its staff have attended.
               ED_TODAY="2028-05-10")
    db = os.path.join(home, "demo.db")
    # The demo written a year before: its May poll is then the next. Large enough for a
    # parished ward, so that a parish poll is combined with it.
    subprocess.check_call([cli_path, "--db", db, "demo", "--electors", "9000"],
                          env=dict(env, ED_TODAY="2027-05-10"), stdout=subprocess.DEVNULL)
    election = cli_json(cli_path, env, db, "election", "list")[0]["id"]
    before = cli_json(cli_path, env, db, "accounts", "list", "--election", election)
    run = attend_and_approve(cli_path, env, db, election)
    files = {name: os.path.join(home, name) for name in ("statement.pdf", "statement.xlsx")}

    bus = d.start_accessibility_bus()
    log = d.AppLog(home)
    app_process = None
    try:
        app_process = subprocess.Popen([app_path, "--db", db], env=env, stderr=log.file)
        app, frame = open_accounts()
        enter_cost(app, frame, cli_path, env, db, election)
        bring_in_payroll(frame, cli_path, env, db, election, run)
        save_statement(app, frame, files)
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

    account = cli_json(cli_path, env, db, "accounts", "list", "--election", election)
    check_account(before, account, run)
    check_pdf(account, files["statement.pdf"])
    check_workbook(account, files["statement.xlsx"], read_xlsx, home)
    print("1..4")
    print("ok 1 the cost entered in the dialog is in the account, solely the May poll's")
    print("ok 2 the payroll brought in is the approved run, by cost head, shared by the polls")
    print("ok 3 the statement saved as PDF reads the account's totals and the new cost")
    print("ok 4 the workbook's figures and formulas are the account's, read with a library")


def attend_and_approve(cli_path, env, db, election):
    """Polling day is over: the confirmed staff attended, and their payroll is approved."""
    listed = cli_json(cli_path, env, db, "staff", "appointments", "--election",
                      election)["appointments"]
    confirmed = [a for a in listed if a["state"] == "confirmed"][:12]
    assert confirmed, "the demo's May poll has no confirmed staff"
    for appointment in confirmed:
        cli(cli_path, env, db, "staff", "state", appointment["id"], "attended")
    cli(cli_path, env, db, "payroll", "approve", "--election", election, "--by", "A. Officer")
    payroll = cli_json(cli_path, env, db, "payroll", "run", "--election", election)
    assert len(payroll["runs"]) == 1, payroll["runs"]
    return payroll


def top_level(app, title):
    """A window of the app by its title, whatever role the toolkit gives it."""
    return d.wait_for(lambda: [w for w in app if w is not None and w.name == title],
                      f"the window {title!r}", timeout=30)[0]


def open_accounts():
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", None, timeout=60)
    sidebar = d.find(frame, "list", "Modules", timeout=60)
    row = d.find(sidebar, "list item", "Accounts")
    sidebar.querySelection().selectChild(row.getIndexInParent())
    d.find(frame, "push button", "Bring In Payroll", timeout=60)
    return app, frame


def enter_cost(app, frame, cli_path, env, db, election):
    d.press(d.find_actionable(frame, None, "Spending", timeout=30))
    d.press(d.find_actionable(frame, "push button", "Add Entry…", timeout=30))
    dialog = top_level(app, "Add Entry")
    supplier = d.find(dialog, "text", "Supplier", timeout=20)
    d.set_text(supplier, SUPPLIER)
    d.wait_for(lambda: d.get_text(supplier) == SUPPLIER, "the supplier typed")
    net = d.find(dialog, "text", "Net", timeout=10)
    d.set_text(net, NET)
    d.wait_for(lambda: d.get_text(net) == NET, "the amount typed")
    add = d.wait_for(lambda: [b for b in d.find_all(dialog, "push button", "Add")
                              if d.states(b).contains(d.pyatspi.STATE_SENSITIVE)],
                     "Add to be offered", timeout=20)[0]
    d.press(add)

    def entered():
        listed = cli_json(cli_path, env, db, "accounts", "list", "--election", election)
        return [e for e in listed["entries"] if e["supplier"] == SUPPLIER]

    d.wait_for(entered, "the cost to be recorded", timeout=30)


def bring_in_payroll(frame, cli_path, env, db, election, run):
    d.press(d.find_actionable(frame, None, "Budget", timeout=30))
    d.press(d.find_actionable(frame, "push button", "Bring In Payroll", timeout=30))
    run_id = run["runs"][0]["id"]

    def brought_in():
        listed = cli_json(cli_path, env, db, "accounts", "list", "--election", election)
        return [e for e in listed["entries"] if e["pay_run"] == run_id]

    d.wait_for(brought_in, "the payroll to be brought in", timeout=60)


def save_through_chooser(app, title, path):
    chooser = top_level(app, title)
    name = d.find(chooser, "text", "Name:", timeout=10)
    d.set_text(name, path)
    d.wait_for(lambda: d.get_text(name) == path, "the path typed")
    d.press(d.find_actionable(chooser, "push button", "Save"))
    d.wait_for(lambda: os.path.exists(path) and os.path.getsize(path) > 0,
               f"{path} to be written", timeout=60)


def save_statement(app, frame, files):
    d.press(d.find_actionable(frame, None, "Claim", timeout=30))
    for path in (files["statement.pdf"], files["statement.xlsx"]):
        d.press(d.find_actionable(frame, "push button", "Save Statement…", timeout=30))
        save_through_chooser(app, "Save Statement", path)


def check_account(before, account, run):
    new = [e for e in account["entries"] if e["supplier"] == SUPPLIER]
    assert len(new) == 1, new
    entry = new[0]
    assert entry["net"] == NET_PENCE and entry["vat"] in (0, NET_PENCE // 5), entry
    # Solely the first poll's, as the dialog offers by default.
    first = account["polls"][0]["election"]
    assert entry["shares"][first] == entry["gross"], entry

    approved = run["approved"]
    election_heads = {h: p for h, p in approved["cost_heads"].items() if h != "registration"}
    payroll_entries = [e for e in account["entries"] if e["pay_run"] == run["runs"][0]["id"]]
    assert payroll_entries, "no entry came in from the payroll"
    brought = {}
    for e in payroll_entries:
        assert e["evidence"] == "payroll", e
        assert sum(e["shares"].values()) == e["gross"], e
        brought[e["head"]] = brought.get(e["head"], 0) + e["gross"]
    assert brought == election_heads, (brought, election_heads)
    assert account["total"] == before["total"] + entry["gross"] + sum(election_heads.values()), \
        (account["total"], before["total"])
    assert sum(p["total"] for p in account["polls"]) == account["total"]


def check_pdf(account, path):
    text = subprocess.check_output(["pdftotext", "-layout", path, "-"], text=True)
    assert "Statement of Account" in text, text[:800]
    assert SUPPLIER in text, "the new cost is not in the statement"
    grand_total = [r for r in account["statement"] if r["label"] == "Grand total"][0]["amount"]
    assert money(grand_total) in text, (money(grand_total), text[:2000])
    assert money(account["total"]) in text
    for poll in account["polls"]:
        assert money(poll["total"]) in text, (poll["election"], money(poll["total"]))


def summary(rows):
    out = {}
    for row in rows:
        if row["label"] == "Sub-total":
            out["subtotal"] = row["amount"]
        if row["label"] == "Grand total":
            out["grand_total"] = row["amount"]
    return out


def check_workbook(account, path, read_xlsx, home):
    spent_heads = {b["head"] for b in account["budget"] if b["spent"] != 0}
    expected = {
        "account": dict(
            estimate_total=account["estimate"], total=account["total"], net=account["net"],
            vat=account["vat"],
            heads={COST_HEAD_NAMES[b["head"]]: [b["estimate"], b["spent"]]
                   for b in account["budget"]},
            **summary(account["statement"])),
        "polls": [dict(title=p["title"], total=p["total"],
                       heads={COST_HEAD_NAMES[h]: p["heads"].get(h, 0) for h in spent_heads},
                       **summary(p["statement"]))
                  for p in account["polls"]],
        "entries": [dict(supplier=e["supplier"], net=e["net"], vat=e["vat"], gross=e["gross"],
                         shares=[e["shares"][p["election"]] for p in account["polls"]])
                    for e in account["entries"]],
        "literals": [],
    }
    expected_path = os.path.join(home, "expected.json")
    with open(expected_path, "w", encoding="utf-8") as f:
        json.dump(expected, f)
    subprocess.check_call([sys.executable, read_xlsx, path, expected_path])


if __name__ == "__main__":
    d.in_session(os.path.abspath(__file__), sys.argv[1:])
    main(sys.argv[1], sys.argv[2], sys.argv[3])
