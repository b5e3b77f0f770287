#!/bin/sh
# build-aux/check-potfiles.sh
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that po/POTFILES.in lists every source file with a translatable string, and names no
# file that does not exist. Run by the `data` test suite; takes the source root as $1.
#
# A file is translatable when it is
#   src/**/*.c, src/**/*.h       and holds _("…"), N_("…"), C_("…", …), NC_("…", …), Q_("…"),
#                                g_dngettext/ngettext (GNU style "_ (" as well as "_(")
#   src/**/*.ui                  and holds translatable="yes"
#   data/*.desktop.in*, data/*.metainfo.xml.in*, data/*.gschema.xml
#                                (name, summary and description are always translatable)
# Files listed in po/POTFILES.skip are exempt.

set -u

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 SOURCE_ROOT" >&2
  exit 2
fi

cd "$1" || exit 2

potfiles=po/POTFILES.in
skipfiles=po/POTFILES.skip

if [ ! -f "$potfiles" ]; then
  echo "$potfiles: no such file" >&2
  exit 1
fi

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

# The listed files: drop comments, blank lines, [encoding: …] and surrounding whitespace.
list_entries ()
{
  sed -e 's/#.*$//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^\[.*\]$/d' -e '/^$/d' "$1"
}

list_entries "$potfiles" | sort -u > "$tmp/listed"
: > "$tmp/skipped"
if [ -f "$skipfiles" ]; then
  list_entries "$skipfiles" | sort -u > "$tmp/skipped"
fi

# Source files with translatable strings.
c_pattern='(^|[^[:alnum:]_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2)[[:space:]]*\([[:space:]]*("|$)'
: > "$tmp/needed"
if [ -d src ]; then
  find src -type f \( -name '*.c' -o -name '*.h' \) -print | LC_ALL=C sort | while IFS= read -r f; do
    if grep -Eq "$c_pattern" "$f"; then
      printf '%s\n' "$f"
    fi
  done >> "$tmp/needed"
  find src -type f -name '*.ui' -print | LC_ALL=C sort | while IFS= read -r f; do
    if grep -q 'translatable="yes"' "$f"; then
      printf '%s\n' "$f"
    fi
  done >> "$tmp/needed"
fi
if [ -d data ]; then
  find data -maxdepth 1 -type f \( -name '*.desktop.in' -o -name '*.desktop.in.in' \
      -o -name '*.metainfo.xml.in' -o -name '*.metainfo.xml.in.in' -o -name '*.gschema.xml' \) \
      -print >> "$tmp/needed"
fi
LC_ALL=C sort -u "$tmp/needed" > "$tmp/needed.sorted"

status=0

# Translatable but not listed (and not skipped).
LC_ALL=C sort -u "$tmp/listed" "$tmp/skipped" > "$tmp/known"
LC_ALL=C comm -23 "$tmp/needed.sorted" "$tmp/known" > "$tmp/missing"
if [ -s "$tmp/missing" ]; then
  echo "Files with translatable strings missing from $potfiles:"
  sed 's/^/  /' "$tmp/missing"
  status=1
fi

# Listed but absent.
: > "$tmp/absent"
while IFS= read -r f; do
  if [ ! -f "$f" ]; then
    printf '%s\n' "$f" >> "$tmp/absent"
  fi
done < "$tmp/listed"
if [ -s "$tmp/absent" ]; then
  echo "Files listed in $potfiles that do not exist:"
  sed 's/^/  /' "$tmp/absent"
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "POTFILES.in is complete ($(wc -l < "$tmp/listed" | tr -d ' ') files)"
fi
exit "$status"
