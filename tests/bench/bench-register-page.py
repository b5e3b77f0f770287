#!/usr/bin/env python3
# bench-register-page.py — opening and scrolling the register page (DESIGN.md §9: first rows
# ≤ 300 ms, no frame over 16 ms while scrolling, resident memory ≤ 150 MB, at 1,000,000
# electors; ED_BENCH_ELECTORS overrides the size).
# Starts the real app under Xvfb on its welcome page; the app (ED_BENCH_REGISTER_PAGE) then
# opens the district, reports the time until a painted frame shows the register's first rows,
# then, once the view has the whole register (a screenful comes first, the rest over a few
# frames), scrolls it top to bottom in 400 jumps, a frame each, and reports its longest
# frame (the time from the frame clock's before-paint to its after-paint, and that frame's
# processor time) and its resident memory. Prints the medians over several runs, and the
# budgets. The machine's other work lengthens frames: compare builds in the same minutes.
# Usage: bench-register-page.py ELECTORAL-DESK ELECTORAL-DESK-CLI [RUNS]
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

FIRST_ROWS_BUDGET_MS = 300
FRAME_BUDGET_MS = 16
RSS_BUDGET_MB = 150


def in_display():
    if os.environ.get("ED_BENCH_INNER") == "1":
        return
    env = dict(os.environ, ED_BENCH_INNER="1", GDK_BACKEND="x11", GSK_RENDERER="cairo")
    sys.exit(subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                              "dbus-run-session", "--", sys.executable] + sys.argv, env=env))


def one_run(app, db, env):
    out = subprocess.run([app], env=dict(env, ED_BENCH_REGISTER_PAGE=db),
                         capture_output=True, text=True, timeout=300)
    figures = {}
    for line in out.stdout.splitlines():
        name, _, value = line.partition(" ")
        try:
            figures[name] = float(value)
        except ValueError:
            pass
    needed = ("first-rows-ms", "rows", "scroll-longest-frame-ms", "scroll-longest-frame-cpu-ms",
              "rss-mb", "rss-peak-mb")
    if not all(name in figures for name in needed):
        raise RuntimeError(f"the app did not report its figures: {out.stdout!r} {out.stderr!r}")
    return figures


def main():
    in_display()
    app, cli = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    home = tempfile.mkdtemp(prefix="ed-bench-")
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, "data"),
               XDG_CONFIG_HOME=os.path.join(home, "config"), GSETTINGS_BACKEND="memory")
    db = os.path.join(home, "district.db")
    electors = os.environ.get("ED_BENCH_ELECTORS", "1000000")
    subprocess.check_call([cli, "--db", db, "demo", "--electors", electors], env=env,
                          stdout=subprocess.DEVNULL)
    one_run(app, db, env)  # warm the page cache and the font and icon caches
    results = [one_run(app, db, env) for _ in range(runs)]

    def median(name):
        return statistics.median(r[name] for r in results)

    first_rows = median("first-rows-ms")
    frame = median("scroll-longest-frame-ms")
    peak = max(r["rss-peak-mb"] for r in results)
    print(f"# {runs} runs on a demo district of {electors} electors "
          f"({int(results[0]['rows'])} rows given to the view by its first frame): first rows "
          + ", ".join(f"{r['first-rows-ms']:.0f}" for r in results) + " ms; "
          f"scrolled top to bottom in 400 jumps, longest frame "
          + ", ".join(f"{r['scroll-longest-frame-ms']:.0f}" for r in results) + " ms (processor "
          + ", ".join(f"{r['scroll-longest-frame-cpu-ms']:.0f}" for r in results) + " ms); "
          f"resident memory after scrolling "
          f"median {median('rss-mb'):.0f} MB, highest peak {peak:.0f} MB")
    print(f"bench: register-page-first-rows {first_rows:.0f} ms budget {FIRST_ROWS_BUDGET_MS} ms")
    print(f"bench: scroll-longest-frame {frame:.0f} ms budget {FRAME_BUDGET_MS} ms")
    print(f"bench: register-page-rss {peak:.0f} MB budget {RSS_BUDGET_MB} MB")
    shutil.rmtree(home, ignore_errors=True)
    return 0 if (first_rows <= FIRST_ROWS_BUDGET_MS and frame <= FRAME_BUDGET_MS
                 and peak <= RSS_BUDGET_MB) else 1


if __name__ == "__main__":
    sys.exit(main())
