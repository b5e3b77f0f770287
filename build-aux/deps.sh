#!/bin/sh
# deps.sh — installs the Debian 12 packages Electoral Desk needs to build, run and test.
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: build-aux/deps.sh [build|run|test]   (default: test, which is everything)
# Installs only what is missing; needs root (or sudo) when something is.
set -eu

build_packages="meson ninja-build pkg-config gcc gettext libglib2.0-dev libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev libsoup-3.0-dev libcairo2-dev
  libpango1.0-dev libsodium-dev libxlsxwriter-dev desktop-file-utils appstream"
run_packages="sqlite3 dbus dbus-x11 librsvg2-common fonts-dejavu-core"
test_packages="xvfb xauth at-spi2-core python3 python3-pyatspi python3-gi gir1.2-atspi-2.0
  poppler-utils apache2 python3-openpyxl"

case "${1:-test}" in
  build) wanted="$build_packages" ;;
  run) wanted="$build_packages $run_packages" ;;
  test) wanted="$build_packages $run_packages $test_packages" ;;
  *) echo "usage: $0 [build|run|test]" >&2; exit 2 ;;
esac

missing=""
for package in $wanted; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing="$missing $package"
done

[ -z "$missing" ] && exit 0

echo "Installing Debian packages:$missing" >&2
if [ "$(id -u)" = 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "deps.sh: these packages are missing and you are not root:$missing" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 || {
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}
