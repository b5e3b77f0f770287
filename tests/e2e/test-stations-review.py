#!/usr/bin/env python3
# test-stations-review.py — a review of polling districts and places on the demo district,
# driven through the accessibility tree: start a compulsory review from the Polling Stations
# page, record an elector's representation with the council's response, propose a change for
# a district, and save the committee report; pdftotext finds the per-district table, the
# proposal and the representation, and not the elector's name, which is withheld.
# Usage: test-stations-review.py ELECTORAL-DESK ELECTORAL-DESK-CLI
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
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

ELECTOR = "Morwenna Trelawny"
SAYS = "The school hall is up a steep hill from the bus stop."
RESPONSE = "A ramp and a marked route from the bus stop are proposed."
REASON = "The chapel is level and on the bus route."


def main(app_path, cli_path):
    if shutil.which("pdftotext") is None:
        print("1..0 # SKIP pdftotext is not installed")
        return
    home = tempfile.mkdtemp(prefix="ed-e2e-")
    env = dict(os.environ, HOME=home,
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               GSETTINGS_BACKEND="memory")
    db = os.path.join(home, "demo.db")
    subprocess.check_call([cli_path, "--db", db, "demo", "--electors", "2000"], env=env,
                          stdout=subprocess.DEVNULL)
    bus = d.start_accessibility_bus()
    log = d.AppLog(home)
    app_process = subprocess.Popen([app_path, "--db", db], env=env, stderr=log.file)
    try:
        report = run_review()
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
    check_report(report, cli_path, env, db)
    print("1..1")
    print("ok 1 a review started, a representation and a proposal recorded, the report saved")


def choose(app, combo, item):
    """Picks @item from an AdwComboRow's list, as a person would: open it, click it."""
    d.click(combo)
    d.click(d.find(app, "label", item, timeout=10))
    d.wait_for(lambda: not [l for l in d.find_all(app, "label", item) if l is not None
                            and d.is_showing(l) and l.parent is not None
                            and "popover" in (l.parent.name or "").lower()],
               "the list to close", timeout=5)


def type_into(dialog, name, text):
    entry = d.find(dialog, "text", name, timeout=10)
    d.click(entry)
    d.type_text(text)
    d.wait_for(lambda: d.get_text(entry) == text, f"the typed {name}")


def run_review():
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", None, timeout=60)
    sidebar = d.find(frame, "list", "Modules", timeout=60)
    row = d.find(sidebar, "list item", "Polling Stations")
    sidebar.querySelection().selectChild(row.getIndexInParent())
    d.press(d.find_actionable(frame, None, "Reviews", timeout=20))

    # Today (the tests' fixed date) is inside the 2028–2030 window: a compulsory review.
    d.press(d.find_actionable(frame, "push button", "Start Review…", timeout=20))
    dialog = d.find(app, "dialog", "Start Review", timeout=20)
    d.press(d.find_actionable(dialog, "push button", "Start"))
    d.find(frame, "label", "What the Law Asks", timeout=20)
    d.wait_for(lambda: [l for l in d.find_all(frame, "label")
                        if "must start and finish between" in (l.name or "")],
               "the review's window")

    # An elector's representation about the first district, with the council's response.
    d.press(d.find_actionable(frame, "push button", "Add Representation…"))
    dialog = d.find(app, "dialog", "Add Representation", timeout=20)
    type_into(dialog, "From", ELECTOR)
    type_into(dialog, "What it says", SAYS)
    type_into(dialog, "The council’s response", RESPONSE)
    d.press(d.find_actionable(dialog, "push button", "Add"))
    d.wait_for(lambda: [l for l in d.find_all(frame, "label")
                        if (l.name or "").startswith(ELECTOR)], "the representation listed")

    # A change proposed for the first district.
    d.press(d.find_actionable(frame, "push button", "Propose…"))
    dialog = d.find(app, "dialog", "Propose for a District", timeout=20)
    choose(app, d.find(dialog, None, "Proposal", timeout=10), "Change")
    type_into(dialog, "Reason", REASON)
    d.press(d.find_actionable(dialog, "push button", "Propose"))
    proposal = d.wait_for(lambda: [l for l in d.find_all(frame, "label")
                                   if re.fullmatch(r"[A-Z]+\d*: Change", l.name or "")],
                          "the proposal listed")[0]
    district = proposal.name.split(":")[0]

    d.press(d.find_actionable(frame, "push button", "Save Committee Report"))
    saved = d.wait_for(lambda: [l for l in d.find_all(frame, "label")
                                if (l.name or "").startswith("Saved as ")],
                       "the report to be saved", timeout=60)[0]
    return {"path": saved.name[len("Saved as "):], "district": district}


def check_report(report, cli_path, env, db):
    path = report["path"]
    assert os.path.exists(path), path
    text = subprocess.check_output(["pdftotext", "-layout", path, "-"], text=True)
    # The per-district table: every district of the demo, with its electorate.
    assert "Polling districts" in text, text[:1500]
    # Its header, column by column (pdftotext lays a heading's words out on lines of their
    # own when its column is narrow).
    for heading in ("District", "Electors", "Polling", "Stations", "Proposal", "Reason"):
        assert re.search(rf"^{heading}\b|\s{heading}\b", text, re.M), f"no {heading} column"
    districts = json.loads(subprocess.check_output(
        [cli_path, "--db", db, "register", "stats", "--json"], env=env))
    codes = [c["key"] for c in districts["polling_districts"]]
    assert codes, "the demo has no polling districts"
    for code in codes:
        assert re.search(rf"\b{re.escape(code)}\b", text), f"{code} is not in the table"
    assert re.search(rf"\b{re.escape(report['district'])}\b", text), report["district"]
    # Cells that wrap are read whole in pdftotext's reading order, not its layout.
    flat = " ".join(subprocess.check_output(["pdftotext", path, "-"], text=True).split())
    assert REASON in flat, f"the proposal's reason is not in the report:\n{text[:3000]}"
    assert SAYS in flat, "the representation is not in the report"
    assert RESPONSE in flat, "the response is not in the report"
    # An elector's name is withheld from what the council publishes.
    assert ELECTOR not in flat, "the elector's name is published"
    assert "name withheld" in flat


if __name__ == "__main__":
    d.in_session(os.path.abspath(__file__), sys.argv[1:])
    main(sys.argv[1], sys.argv[2])
