#!/usr/bin/env python3
# test-elections.py — the Elections page on the demo district, driven through the
# accessibility tree: tick the first step of the demo poll's timetable and read it back done
# from the command line; open Poll Cards…, save a proof through the file chooser, and read it
# back with pdftotext: it is marked PROOF and names the poll's ward.
# Usage: test-elections.py ELECTORAL-DESK ELECTORAL-DESK-CLI
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi_driver as d  # noqa: E402


def cli_json(cli_path, env, db, *args):
    return json.loads(subprocess.check_output([cli_path, "--db", db, *args, "--json"], env=env))


def main(app_path, cli_path):
    if shutil.which("pdftotext") is None:
        print("1..0 # SKIP pdftotext is not installed")
        return
    home = tempfile.mkdtemp(prefix="ed-e2e-")
    env = dict(os.environ, HOME=home,
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               GSETTINGS_BACKEND="memory",
               # The GTK file chooser, not a portal's: it is driven like any other dialog.
               GTK_USE_PORTAL="0")
    db = os.path.join(home, "demo.db")
    subprocess.check_call([cli_path, "--db", db, "demo", "--electors", "2000"], env=env,
                          stdout=subprocess.DEVNULL)
    elections = cli_json(cli_path, env, db, "election", "list")
    assert elections, "the demo has no election"
    election = elections[0]
    first_step = cli_json(cli_path, env, db, "election", "timetable", election["id"])["dates"][0]
    assert first_step["done_on"] == "", "the demo's first step is done already"
    proof = os.path.join(home, "proof.pdf")

    bus = d.start_accessibility_bus()
    log = d.AppLog(home)
    app_process = subprocess.Popen([app_path, "--db", db], env=env, stderr=log.file)
    try:
        run(election, first_step, proof, cli_path, env, db)
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

    text = subprocess.check_output(["pdftotext", proof, "-"], text=True)
    assert "PROOF" in text, text[:1500]
    contested = [c["name"] for c in election["contests"] if c["contested"]]
    assert any(name in text for name in contested), f"no contest of the poll in the proof"
    print("1..2")
    print("ok 1 a timetable step ticked in the app is done on the command line")
    print("ok 2 a proof saved from the poll-card dialog is marked PROOF")


def top_level(app, title):
    """A window of the app by its title, whatever role the toolkit gives it."""
    return d.wait_for(lambda: [w for w in app if w is not None and w.name == title],
                      f"the window {title!r}", timeout=30)[0]


def run(election, first_step, proof, cli_path, env, db):
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", None, timeout=60)
    sidebar = d.find(frame, "list", "Modules", timeout=60)
    row = d.find(sidebar, "list item", "Elections")
    sidebar.querySelection().selectChild(row.getIndexInParent())

    # The first step of the timetable, ticked; the command line reads it back done.
    timetable = d.find(frame, "list", "Timetable", timeout=30)
    box = d.wait_for(lambda: d.find_all(timetable, "check box"), "the timetable's boxes")[0]
    d.click(box)

    def done_on():
        dates = cli_json(cli_path, env, db, "election", "timetable", election["id"])["dates"]
        step = [s for s in dates if s["event"] == first_step["event"]][0]
        return step["done_on"]

    d.wait_for(done_on, "the step to be recorded done", timeout=20)

    # The electorate is counted in the background, and shown per contest.
    contested = [c["name"] for c in election["contests"] if c["contested"]]
    d.find(frame, None, contested[0], timeout=60)

    # The poll-card dialog checks the cards as it opens; a proof needs no reason.
    d.press(d.find_actionable(frame, "push button", "Poll Cards…", timeout=20))
    dialog = top_level(app, "Poll Cards")
    d.find(dialog, "label", "Cards per Station", timeout=120)
    d.click(d.find(dialog, "check box", "Proof"))
    d.press(d.find_actionable(dialog, "push button", "Save Proof…", timeout=10))

    chooser = top_level(app, "Save Poll Card Proofs")
    name = d.find(chooser, "text", "Name:", timeout=10)
    d.set_text(name, proof)
    d.wait_for(lambda: d.get_text(name) == proof, "the path typed")
    d.press(d.find_actionable(chooser, "push button", "Save"))
    saved = d.wait_for(lambda: [l for l in d.find_all(dialog, "label")
                                if (l.name or "").startswith("Saved ")],
                       "the proof to be saved", timeout=120)[0]
    assert saved.name.endswith(" as " + proof), saved.name
    assert os.path.exists(proof), proof


if __name__ == "__main__":
    d.in_session(os.path.abspath(__file__), sys.argv[1:])
    main(sys.argv[1], sys.argv[2])
