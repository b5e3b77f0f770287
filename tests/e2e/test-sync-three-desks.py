#!/usr/bin/env python3
# test-sync-three-desks.py — three desks of one team, three database files and three
# processes, syncing through a shared folder and then through a real WebDAV server (Apache
# httpd with mod_dav on 127.0.0.1): desk A makes the demo district and the team, B and C join
# and sync; B and C change one elector's surname to different values; after everyone syncs,
# each desk shows exactly one conflict (SYNC.md §5 criterion 7). The app opens on desk A, where
# the Sync page, driven through the accessibility tree, shows the conflict with both values
# and resolves it by choosing one, and Sync Now sends the decision; once B and C sync, no desk
# has a conflict and every desk has the chosen surname. Over WebDAV, desk C joins through the
# app's welcome page instead of the command line (a folder would need the file chooser).
# The application must log no GLib critical or warning throughout.
# Usage: test-sync-three-desks.py ELECTORAL-DESK ELECTORAL-DESK-CLI ED-E2E-WEBDAV
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

# Invented for the test: no demo surname is like them.
SURNAME_B = "Bellingworth"
SURNAME_C = "Carrowgate"
ELECTOR = "AA1"


def cli(cli_path, env, db, *args):
    return subprocess.run([cli_path, "--db", db] + list(args), env=env, check=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True).stdout


def cli_json(cli_path, env, db, *args):
    return json.loads(cli(cli_path, env, db, *args, "--json"))


def sync_all(cli_path, env, dbs):
    # Twice around, so that every desk has every other desk's changes.
    for _ in range(2):
        for db in dbs:
            cli(cli_path, env, db, "sync", "now")


def surname_of(cli_path, env, db):
    found = [e for e in cli_json(cli_path, env, db, "register", "search", ELECTOR)
             if e["number"] == ELECTOR]
    assert len(found) == 1, found
    return found[0]["name"].split()[-1]


def conflicts(cli_path, env, db):
    return cli_json(cli_path, env, db, "conflicts", "list")


def editable(root, name):
    """The showing field of that name that takes text (a group's title may share the name)."""
    def fields():
        found = []
        for node in d.find_all(root, None, name):
            try:
                node.queryEditableText()
            except NotImplementedError:
                continue
            found.append(node)
        return found
    return d.wait_for(fields, f"the field {name!r}")[0]


def join_in_app(app_path, env, home, db, url, passphrase):
    """A new desk joins from the welcome page: the app opens on a file that is not there yet,
    joins the WebDAV team with its passphrase, brings the district in and opens it."""
    log = d.AppLog(home)
    app_process = subprocess.Popen([app_path, "--db", db], env=env, stderr=log.file)
    try:
        app = d.find_app("electoral-desk")
        frame = d.find(app, "frame", None, timeout=60)
        d.press(d.find_actionable(frame, "push button", "Join a Sync Team", timeout=30))
        dialog = d.find(app, "frame", "Join a Sync Team", timeout=20)
        d.click(d.find(dialog, None, "A WebDAV Server"))
        d.set_text(editable(dialog, "Address"), url)
        d.press(d.find_actionable(dialog, "push button", "Next"))
        d.set_text(editable(dialog, "Team Passphrase"), passphrase)
        d.press(d.find_actionable(dialog, "push button", "Join Team"))
        d.wait_for(lambda: not d.find_all(app, "frame", "Join a Sync Team"),
                   "the district to come in and the dialog to close", timeout=120)
        d.find(frame, "list", "Modules", timeout=30)
        d.wait_for(lambda: frame.name.endswith("— Electoral Desk"), "the district in the title")
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
            app_process.terminate()
            try:
                app_process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app_process.kill()
    log.check()


def run_team(app_path, cli_path, share_args, home, label, app_join_url=None):
    env = dict(os.environ,
               HOME=home,
               XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"),
               GSETTINGS_BACKEND="memory")
    dbs = [os.path.join(home, f"desk-{name}.db") for name in "abc"]
    passphrase = os.path.join(home, "passphrase")
    passphrase_text = "Ashmere Vale polling day 2027"
    with open(passphrase, "w") as f:
        f.write(passphrase_text + "\n")

    # Desk A keeps the district and makes the team; B and C are new files that join it and
    # take the district from the share.
    cli(cli_path, env, dbs[0], "demo", "--electors", "300")
    cli(cli_path, env, dbs[0], "sync", "setup", *share_args, "--passphrase-file", passphrase)
    if app_join_url is not None:
        # The district reaches the share first: the app opens it as soon as it joins.
        cli(cli_path, env, dbs[0], "sync", "now")
    for db in dbs[1:]:
        if app_join_url is not None and db == dbs[2]:
            join_in_app(app_path, env, home, db, app_join_url, passphrase_text)
        else:
            cli(cli_path, env, db, "sync", "join", *share_args, "--passphrase-file", passphrase)
    sync_all(cli_path, env, dbs)
    original = surname_of(cli_path, env, dbs[2])
    assert original == surname_of(cli_path, env, dbs[0])

    # B and C change one elector's surname at once.
    cli(cli_path, env, dbs[1], "register", "amend", ELECTOR, "--surname", SURNAME_B)
    cli(cli_path, env, dbs[2], "register", "amend", ELECTOR, "--surname", SURNAME_C)
    sync_all(cli_path, env, dbs)
    for db in dbs:
        found = conflicts(cli_path, env, db)
        assert len(found) == 1, (db, found)
        values = sorted(v["value"] for v in found[0]["versions"])
        assert values == [SURNAME_B, SURNAME_C], values

    # On desk A, the Sync page shows it and resolves it.
    log = d.AppLog(home)
    app_process = subprocess.Popen([app_path, "--db", dbs[0]], env=env, stderr=log.file)
    try:
        resolve_on_page(app_process, cli_path, env, dbs[0])
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
            app_process.terminate()
            try:
                app_process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app_process.kill()
    log.check()

    # The decision reaches the other desks with their next sync.
    for db in dbs[1:]:
        cli(cli_path, env, db, "sync", "now")
    for db in dbs:
        assert conflicts(cli_path, env, db) == [], db
        assert surname_of(cli_path, env, db) == SURNAME_B, db
    print(f"# {label}: one conflict on every desk, resolved on desk A's Sync page, cleared "
          "everywhere")


def resolve_on_page(app_process, cli_path, env, db):
    app = d.find_app("electoral-desk")
    frame = d.find(app, "frame", None, timeout=60)
    sidebar = d.find(frame, "list", "Modules", timeout=60)
    row = d.find(sidebar, "list item", "Sync")
    sidebar.querySelection().selectChild(row.getIndexInParent())
    d.find(frame, "label", "Conflicts", timeout=20)

    # One conflict, named in words, with both values.
    title = re.compile(r"Surname of .+ \(" + ELECTOR + r"\)")
    rows = d.wait_for(lambda: [l for l in d.find_all(frame, "label") if title.fullmatch(l.name)],
                      "the conflict's row", timeout=20)
    assert len(rows) == 1, [r.name for r in rows]
    labels = [l.name for l in d.find_all(frame, "label")]
    assert any(f"“{SURNAME_B}”" in l and f"“{SURNAME_C}”" in l for l in labels), labels

    # Resolve…, keep B's surname.
    d.press(d.find_actionable(frame, "push button", "Resolve " + rows[0].name))
    dialog = d.find(app, "frame", "Resolve Conflict", timeout=20)
    # GTK 4.8 gives a check button no AT-SPI action: it is clicked, as a person would.
    choice = d.find(dialog, "check box", f"“{SURNAME_B}”")
    d.click(choice)
    d.wait_for(lambda: d.states(choice).contains(d.pyatspi.STATE_CHECKED),
               f"the choice of {SURNAME_B!r}")
    d.press(d.find_actionable(dialog, "push button", "Resolve"))
    d.wait_for(lambda: not d.find_all(app, "frame", "Resolve Conflict"), "the dialog to close")
    d.find(frame, "label", "No open conflicts.", timeout=20)
    assert conflicts(cli_path, env, db) == []

    # Desk A sends the decision from the app: Sync Now, then the page says what went.
    d.press(d.find_actionable(frame, "push button", "Sync Now"))
    d.wait_for(lambda: [l for l in d.find_all(frame, "label")
                        if re.search(r"Sent 1 change\b", l.name)],
               "the page to say the decision was sent", timeout=30)
    status = cli_json(cli_path, env, db, "sync", "status")
    assert status["last_error"] == "", status


def main(app_path, cli_path, webdav_path):
    bus = d.start_accessibility_bus()
    try:
        home = tempfile.mkdtemp(prefix="ed-e2e-sync-folder-")
        share = os.path.join(home, "share")
        os.mkdir(share)
        run_team(app_path, cli_path, ["--folder", share], home, "shared folder")
        shutil.rmtree(home, ignore_errors=True)

        server = subprocess.Popen([webdav_path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        url = server.stdout.readline().strip()
        if not url:
            server.wait(timeout=20)
            reason = server.stderr.read().strip()
            if server.returncode == 77:
                print(f"# WebDAV skipped: {reason}")
                return
            raise d.E2EError(f"the WebDAV server did not start: {reason}")
        try:
            home = tempfile.mkdtemp(prefix="ed-e2e-sync-webdav-")
            run_team(app_path, cli_path, ["--webdav", url], home, "WebDAV", app_join_url=url)
            shutil.rmtree(home, ignore_errors=True)
        finally:
            server.stdin.close()
            server.wait(timeout=20)
    finally:
        bus.kill()
    print("ok 1 sync: three desks, one conflict resolved on the Sync page, over a folder and "
          "WebDAV")


if __name__ == "__main__":
    d.in_session(os.path.abspath(__file__), sys.argv[1:])
    print("1..1")
    try:
        main(sys.argv[1], sys.argv[2], sys.argv[3])
    except Exception as error:
        print(f"not ok 1 sync: {error}")
        raise
