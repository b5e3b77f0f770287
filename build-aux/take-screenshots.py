#!/usr/bin/env python3
# take-screenshots.py — renews the screenshots in data/screenshots/ (README and AppStream)
# by driving the built app under Xvfb through the accessibility tree.
# Usage: build-aux/take-screenshots.py BUILD-DIR [OUT-DIR]
# Needs: imagemagick (import), and what the e2e tests need.
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
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
        d.key_combo("Escape")

        d.press(d.find_actionable(frame, "push button", "Main Menu"))
        d.press(d.find_actionable(app, None, "Preferences"))
        d.find(app, "frame", "Preferences")
        shoot(os.path.join(out_dir, "preferences.png"))
    finally:
        process.kill()
        bus.kill()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    d.in_session(os.path.abspath(__file__), sys.argv[1:])
    build = os.path.abspath(sys.argv[1])
    out = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else
                          os.path.join(root, "data", "screenshots"))
    os.makedirs(out, exist_ok=True)
    main(build, out)
