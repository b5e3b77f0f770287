#!/usr/bin/env python3
# bench-startup.py — start-up to first frame (DESIGN.md §9: ≤ 500 ms).
# Starts the real app on a district of 1,000,000 electors (the budget's size; ED_BENCH_ELECTORS
# overrides it), under Xvfb, many times; the app reports the monotonic clock at its first
# painted frame and quits. Prints the median and p95, and the budget.
# Usage: bench-startup.py ELECTORAL-DESK ELECTORAL-DESK-CLI [RUNS]
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BUDGET_MS = 500


def in_display():
    if os.environ.get("ED_BENCH_INNER") == "1":
        return
    env = dict(os.environ, ED_BENCH_INNER="1", GDK_BACKEND="x11", GSK_RENDERER="cairo")
    sys.exit(subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                              "dbus-run-session", "--", sys.executable] + sys.argv, env=env))


def one_run(app, db, env):
    start_us = time.monotonic_ns() // 1000
    out = subprocess.run([app, "--db", db], env=env, capture_output=True, text=True,
                         timeout=60).stdout
    for line in out.splitlines():
        if line.startswith("first-frame-monotonic-us "):
            return (int(line.split()[1]) - start_us) / 1000.0
    raise RuntimeError(f"the app reported no first frame: {out!r}")


def main():
    in_display()
    app, cli = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    home = tempfile.mkdtemp(prefix="ed-bench-")
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"), GSETTINGS_BACKEND="memory",
               ED_BENCH_FIRST_FRAME="1")
    db = os.path.join(home, "district.db")
    electors = os.environ.get("ED_BENCH_ELECTORS", "1000000")
    subprocess.check_call([cli, "--db", db, "demo", "--electors", electors], env=env,
                          stdout=subprocess.DEVNULL)
    size = os.path.getsize(db)
    one_run(app, db, env)  # warm the page cache and the font and icon caches
    times = sorted(one_run(app, db, env) for _ in range(runs))
    median = statistics.median(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    print(f"# {runs} runs on a demo district of {electors} electors ({size} bytes), "
          f"opening on the register page; "
          f"min {times[0]:.0f} ms, median {median:.0f} ms, p95 {p95:.0f} ms")
    print(f"bench: startup-first-frame {median:.0f} ms budget {BUDGET_MS} ms")
    shutil.rmtree(home, ignore_errors=True)
    return 0 if median <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
