# atspi_driver.py — drives a real GTK application through the accessibility tree, as a screen
# reader user would: find controls by role and accessible name, press them, type into them.
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import shutil
import subprocess
import sys
import time

import pyatspi


class E2EError(AssertionError):
    pass


def in_session(script, argv):
    """Re-runs the calling test inside its own X display, D-Bus session and AT-SPI bus, so
    that tests can run side by side: the keys one types reach only its own application, and
    the accessibility tree it searches holds only its own. Xvfb picks a free display itself
    (-displayfd); xvfb-run -a guesses one, and two started at once can guess the same."""
    if os.environ.get("ED_E2E_INNER") == "1":
        return
    for tool in ("Xvfb", "dbus-run-session"):
        if shutil.which(tool) is None:
            print(f"1..0 # SKIP {tool} is not installed")
            sys.exit(77)
    ready, told = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(told), "-screen", "0", "1280x800x24",
                               "-nolisten", "tcp"],
                              pass_fds=[told], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    os.close(told)
    with os.fdopen(ready) as answer:
        display = answer.readline().strip()
    if not display:
        server.wait()
        print("Bail out! Xvfb did not start")
        sys.exit(1)
    env = dict(os.environ, ED_E2E_INNER="1", DISPLAY=":" + display, GDK_BACKEND="x11",
               GSK_RENDERER="cairo", GTK_A11Y="atspi", NO_AT_BRIDGE="0")
    try:
        status = subprocess.call(["dbus-run-session", "--", sys.executable, script] + argv,
                                 env=env)
    finally:
        server.terminate()
        server.wait()
    sys.exit(status)


# What GLib prints for a critical or a warning: "(electoral-desk:123): Gtk-CRITICAL **: …".
# The environment's own noise is not the application's fault: no session bus portal under
# Xvfb, and AT-SPI's complaints about a bus that is going away at the end.
_LOG_PROBLEM = re.compile(r"^.*-(CRITICAL|WARNING) \*\*: .*$", re.MULTILINE)
_LOG_NOISE = ("Unable to acquire session bus", "AT-SPI: ", "atk-bridge", "Error retrieving accessibility bus")


class AppLog:
    """The application's stderr, kept in a file: the test fails on any GLib critical or
    warning the application printed (issue: no criticals, anywhere)."""

    def __init__(self, directory):
        self.path = os.path.join(directory, "app-stderr.log")
        self.file = open(self.path, "w+b")

    def problems(self):
        self.file.flush()
        with open(self.path, "rb") as f:
            text = f.read().decode("utf-8", "replace")
        return [m.group(0) for m in _LOG_PROBLEM.finditer(text)
                if not any(noise in m.group(0) for noise in _LOG_NOISE)]

    def check(self):
        problems = self.problems()
        if problems:
            raise E2EError("the application logged criticals or warnings:\n" +
                           "\n".join(problems[:20]))


def start_accessibility_bus(timeout=20.0):
    """Starts the accessibility bus and waits until it answers: an application started before
    it is up never registers, and a test would wait for it in vain."""
    launcher = "/usr/libexec/at-spi-bus-launcher"
    bus = subprocess.Popen([launcher, "--launch-immediately"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def answers():
        probe = subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus",
                                "--object-path", "/org/a11y/bus",
                                "--method", "org.a11y.Bus.GetAddress"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return probe.returncode == 0 and pyatspi.Registry.getDesktop(0) is not None

    wait_for(answers, "the accessibility bus", timeout, interval=0.2)
    return bus


def wait_for(predicate, what, timeout=20.0, interval=0.1):
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except Exception as error:  # the tree changes under us while the app works
            last_error = error
        time.sleep(interval)
    raise E2EError(f"timed out waiting for {what}" + (f" ({last_error})" if last_error else ""))


def find_app(name, timeout=60.0):
    def lookup():
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == name:
                return app
        return None
    return wait_for(lookup, f"application {name!r} on the accessibility bus", timeout)


def walk(node):
    yield node
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        if child is not None:
            yield from walk(child)


def states(node):
    return node.getState()


def is_showing(node):
    """Whether the node is on screen: visible, with a size, inside no hidden ancestor."""
    if not states(node).contains(pyatspi.STATE_VISIBLE):
        return False
    try:
        extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        if extents.width <= 0 or extents.height <= 0:
            return False
    except NotImplementedError:
        pass
    return True


def name_matches(node, name):
    # GTK 4.8 joins a button's label (mnemonic underscore and all) and its label's text into
    # one name: "_Cancel Cancel".
    plain = node.name.replace("_", "")
    return node.name == name or plain == name or plain.startswith(name + " ")


def find_all(root, role=None, name=None, showing=True):
    found = []
    for node in walk(root):
        try:
            if role is not None and node.getRoleName() != role:
                continue
            if name is not None and not name_matches(node, name):
                continue
            if showing and not is_showing(node):
                continue
            found.append(node)
        except Exception:
            continue
    return found


def find(root, role=None, name=None, timeout=10.0, showing=True):
    return wait_for(lambda: (find_all(root, role, name, showing) or [None])[0],
                    f"{role or 'any role'} named {name!r}", timeout)


def has_action(node):
    try:
        return node.queryAction().nActions > 0
    except NotImplementedError:
        return False


def find_actionable(root, role=None, name=None, timeout=10.0):
    """The control a person would press: some widgets (a menu button) wrap the real one."""
    return wait_for(lambda: ([n for n in find_all(root, role, name) if has_action(n)]
                             or [None])[0],
                    f"a {role or 'control'} named {name!r} that can be pressed", timeout)


def press(node):
    """Does the node's first action (click, activate, toggle)."""
    action = node.queryAction()
    if action.nActions < 1:
        raise E2EError(f"{node.getRoleName()} {node.name!r} has no action")
    action.doAction(0)


def set_text(node, text):
    editable = node.queryEditableText()
    editable.setTextContents(text)


def get_text(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


# Modifiers are held by keycode (the X server's default keymap, as Xvfb has it); other keys are
# sent by keysym.
MODIFIER_KEYCODES = {"ctrl": 37, "shift": 50, "alt": 64}
KEYSYMS = {"Return": 0xff0d, "Delete": 0xffff, "Down": 0xff54, "p": 0x0070,
           "Escape": 0xff1b, "Tab": 0xff09, "comma": 0x002c, "a": 0x0061, "f": 0x0066,
           "h": 0x0068, "n": 0x006e, "q": 0x0071, "s": 0x0073, "w": 0x0077}


def key_combo(key, modifiers=()):
    """Sends a key press through the X server (XTest), with modifiers held."""
    for m in modifiers:
        pyatspi.Registry.generateKeyboardEvent(MODIFIER_KEYCODES[m], None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(KEYSYMS[key], None, pyatspi.KEY_SYM)
    for m in reversed(modifiers):
        pyatspi.Registry.generateKeyboardEvent(MODIFIER_KEYCODES[m], None, pyatspi.KEY_RELEASE)


def click(node):
    """Clicks the middle of a control. Without a window manager (Xvfb) a window sits at the
    screen's origin, so window coordinates are screen coordinates."""
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    x = extents.x + extents.width // 2
    y = extents.y + extents.height // 2
    pyatspi.Registry.generateMouseEvent(x, y, "b1c")


def type_text(text):
    pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)


def dump(root, out=sys.stderr):
    for node in walk(root):
        try:
            depth = 0
            parent = node.parent
            while parent is not None and depth < 40:
                depth += 1
                parent = parent.parent
            print("  " * depth + f"{node.getRoleName()} {node.name!r}", file=out)
        except Exception:
            pass
