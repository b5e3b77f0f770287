#!/usr/bin/env python3
# read-accounts-xlsx.py
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads an account's statement workbook (ed-account-statement-xlsx.c) back with openpyxl, as
# an auditor's spreadsheet would, and checks it against the figures test-accounts-statement.c
# gives in a JSON file: that every amount is a number with a currency format, never text;
# that every total is a formula; that each formula, worked out here over the cells it names,
# comes to the value it carries and to the account's figure, to the penny; that the
# apportionment's check column is nought throughout; and that what a person typed (a
# supplier's name that looks like a formula) is text.
#
# Usage: read-accounts-xlsx.py WORKBOOK.xlsx EXPECTED.json
# Exits 0 and prints "workbook ok", 1 with what is wrong, or 77 when openpyxl is missing.

import json
import re
import sys

try:
    import openpyxl
    from openpyxl.utils.cell import range_boundaries
except ImportError:
    print("openpyxl is not installed")
    sys.exit(77)

problems = []


def problem(text):
    problems.append(text)
    print("problem:", text)


def pence(value):
    return round(value * 100)


# A small evaluator for the formulas the workbook holds: numbers, cells, + and -, brackets,
# SUM over ranges and MAX, on the sheet the formula is on. Anything else is a problem: the
# workbook should hold nothing this cannot work out.
TOKEN = re.compile(r"\s*(?:(?P<range>\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+)|(?P<cell>\$?[A-Z]+\$?\d+)"
                   r"|(?P<number>\d+(?:\.\d+)?)|(?P<func>SUM|MAX)\(|(?P<op>[-+(),]))")


class Formula:
    def __init__(self, book, sheet, text):
        self.book = book
        self.sheet = sheet
        self.tokens = []
        body = text[1:] if text.startswith("=") else text
        position = 0
        while position < len(body):
            match = TOKEN.match(body, position)
            if match is None or match.end() == position:
                raise ValueError(f"cannot read {text!r} at {body[position:]!r}")
            kind = match.lastgroup
            self.tokens.append((kind, match.group(kind)))
            position = match.end()
            while position < len(body) and body[position] == " ":
                position += 1
        self.at = 0

    def peek(self):
        return self.tokens[self.at] if self.at < len(self.tokens) else (None, None)

    def take(self, kind=None, value=None):
        token = self.peek()
        if (kind and token[0] != kind) or (value and token[1] != value):
            raise ValueError(f"expected {value or kind}, found {token}")
        self.at += 1
        return token

    def value(self):
        result = self.expression()
        if self.at != len(self.tokens):
            raise ValueError(f"left over: {self.tokens[self.at:]}")
        return result

    def expression(self):
        total = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            right = self.term()
            total = total + right if op == "+" else total - right
        return total

    def arguments(self):
        values = []
        while True:
            if self.peek()[0] == "range":
                values.extend(value_of(self.book, c) or 0
                              for c in cells_of(self.sheet, self.take()[1]))
            else:
                values.append(self.expression())
            if self.peek() == ("op", ","):
                self.take()
                continue
            self.take("op", ")")
            return values

    def term(self):
        kind, text = self.peek()
        if kind == "number":
            self.take()
            return float(text)
        if kind == "cell":
            self.take()
            return value_of(self.book, cells_of(self.sheet, text)[0]) or 0
        if kind == "func":
            self.take()
            values = self.arguments()
            return sum(values) if text == "SUM" else max(values)
        if (kind, text) == ("op", "-"):
            self.take()
            return -self.term()
        if (kind, text) == ("op", "("):
            self.take()
            inner = self.expression()
            self.take("op", ")")
            return inner
        raise ValueError(f"unexpected {text!r}")


def cells_of(sheet, ref):
    min_col, min_row, max_col, max_row = range_boundaries(ref.replace("$", ""))
    return [sheet.cell(row=r, column=c) for r in range(min_row, max_row + 1)
            for c in range(min_col, max_col + 1)]


def is_formula(cell):
    return cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("=")
                                     and cell.data_type != "s")


def value_of(book, cell):
    if is_formula(cell):
        return Formula(book, cell.parent, cell.value).value()
    if isinstance(cell.value, str):
        raise ValueError(f"{cell.parent.title}!{cell.coordinate} is text {cell.value!r}")
    return cell.value


def check_formula(book, values, sheet, row, column, expected, what):
    cell = sheet.cell(row=row, column=column)
    if not is_formula(cell):
        problem(f"{what}: {sheet.title}!{cell.coordinate} is not a formula but {cell.value!r}")
        return
    try:
        worked_out = value_of(book, cell)
    except ValueError as e:
        problem(f"{what}: {e}")
        return
    carried = values[sheet.title].cell(row=row, column=column).value
    if "£" not in cell.number_format:
        problem(f"{what}: {cell.coordinate} has no currency format ({cell.number_format})")
    if pence(worked_out) != expected:
        problem(f"{what}: {cell.value} comes to {worked_out}, expected {expected}p")
    if not isinstance(carried, (int, float)) or pence(carried) != expected:
        problem(f"{what}: {cell.coordinate} carries {carried!r}, expected {expected}p")


def check_covers(sheet, row, column, first, last, what):
    # A total adds the whole of its column's table, not most of it.
    cell = sheet.cell(row=row, column=column)
    letter = cell.column_letter
    wanted = f"=SUM({letter}{first}:{letter}{last})"
    if str(cell.value).replace("$", "") != wanted:
        problem(f"{what}: {sheet.title}!{cell.coordinate} is {cell.value!r}, not {wanted}")


def check_number(sheet, row, column, expected, what):
    cell = sheet.cell(row=row, column=column)
    if not isinstance(cell.value, (int, float)) or isinstance(cell.value, bool):
        problem(f"{what}: {sheet.title}!{cell.coordinate} is {cell.value!r}, not a number")
    elif "£" not in cell.number_format:
        problem(f"{what}: {cell.coordinate} has no currency format ({cell.number_format})")
    elif pence(cell.value) != expected:
        problem(f"{what}: {cell.coordinate} is {cell.value}, expected {expected}p")


def find_row(sheet, column, text, start=1):
    for row in range(start, sheet.max_row + 1):
        if sheet.cell(row=row, column=column).value == text:
            return row
    return None


def check_summary(book, values, sheet, expected, what):
    start = find_row(sheet, 1, "Summary")
    if start is None:
        problem(f"{what}: no summary")
        return
    for label, key in (("Sub-total", "subtotal"), ("Grand total", "grand_total")):
        row = find_row(sheet, 1, label, start)
        if row is None:
            problem(f"{what}: the summary has no {label}")
            continue
        check_formula(book, values, sheet, row, 2, expected[key], f"{what} {label}")


def check_money_cells(book):
    # Nothing formatted as money is text: a figure is a number or a formula.
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if "£" in cell.number_format and cell.value is not None:
                    if cell.data_type == "s" or isinstance(cell.value, bool):
                        problem(f"{sheet.title}!{cell.coordinate} is money as text: {cell.value!r}")


def check_account(book, values, sheet, expected):
    heads_row = find_row(sheet, 1, "Cost head")
    if heads_row is None:
        problem("the account sheet has no table of heads")
        return
    for head, (estimate, spent) in expected["heads"].items():
        row = find_row(sheet, 1, head, heads_row)
        if row is None:
            problem(f"the account sheet has no row for {head}")
            continue
        check_number(sheet, row, 2, estimate, f"estimate for {head}")
        check_number(sheet, row, 3, spent, f"spent on {head}")
        check_formula(book, values, sheet, row, 4, estimate - spent, f"remaining of {head}")
    total = find_row(sheet, 1, "Total", heads_row)
    if total is None:
        problem("the account sheet has no total")
        return
    if total - heads_row - 1 != len(expected["heads"]):
        problem(f"the account sheet has {total - heads_row - 1} heads, "
                f"expected {len(expected['heads'])}")
    for column in (2, 3, 4):
        check_covers(sheet, total, column, heads_row + 1, total - 1, "account total")
    check_formula(book, values, sheet, total, 2, expected["estimate_total"], "estimate total")
    check_formula(book, values, sheet, total, 3, expected["total"], "spent total")
    check_formula(book, values, sheet, total, 4, expected["estimate_total"] - expected["total"],
                  "remaining total")
    check_summary(book, values, sheet, expected, "account")


def check_poll(book, values, sheet, expected):
    what = f"poll {expected['title']}"
    if sheet.cell(row=1, column=1).value != expected["title"]:
        problem(f"{what}: sheet {sheet.title} is headed {sheet.cell(row=1, column=1).value!r}")
    heads_row = find_row(sheet, 1, "Cost head")
    for head, share in expected["heads"].items():
        row = find_row(sheet, 1, head, heads_row)
        if row is None:
            problem(f"{what}: no row for {head}")
            continue
        check_number(sheet, row, 2, share, f"{what} {head}")
    total = find_row(sheet, 1, "Total", heads_row)
    if total is None:
        problem(f"{what}: no total")
        return
    if total - heads_row - 1 != len(expected["heads"]):
        problem(f"{what}: {total - heads_row - 1} heads, expected {len(expected['heads'])}")
    check_covers(sheet, total, 2, heads_row + 1, total - 1, f"{what} total")
    check_formula(book, values, sheet, total, 2, expected["total"], f"{what} total")
    check_summary(book, values, sheet, expected, what)
    claim = expected.get("claim")
    if claim:
        for label, key in (("Services claimed: the returning officer’s fees", "services"),
                           ("Expenses claimed: every other head but the candidates’ election "
                            "addresses", "expenses"),
                           ("Disallowed: services over their maximum", "services_over_cap"),
                           ("Disallowed: expenses over their maximum", "expenses_over_cap"),
                           ("Disallowed: over the overall maximum", "over_overall"),
                           ("Recoverable", "recoverable")):
            row = find_row(sheet, 1, label, total)
            if row is None:
                problem(f"{what}: the claim has no {label}")
                continue
            check_formula(book, values, sheet, row, 2, claim[key], f"{what} {label}")


def check_apportionment(book, values, sheet, expected):
    heading = find_row(sheet, 1, "No.")
    if heading is None:
        problem("the apportionment has no headings")
        return
    n_polls = len(expected["polls"])
    check_column = 5 + n_polls
    titles = [sheet.cell(row=heading, column=5 + p).value for p in range(n_polls)]
    if titles != [poll["title"] for poll in expected["polls"]]:
        problem(f"the apportionment's polls are {titles}")
    for i, entry in enumerate(expected["entries"]):
        row = heading + 1 + i
        supplier = sheet.cell(row=row, column=2)
        if supplier.value != entry["supplier"] or supplier.data_type != "s":
            problem(f"apportionment row {row}: supplier {supplier.value!r} "
                    f"({supplier.data_type}), expected {entry['supplier']!r}")
        check_number(sheet, row, 4, entry["gross"], f"apportionment row {row} gross")
        for p, share in enumerate(entry["shares"]):
            check_number(sheet, row, 5 + p, share, f"apportionment row {row} poll {p + 1}")
        check_formula(book, values, sheet, row, check_column, 0, f"apportionment row {row} check")
    total = heading + 1 + len(expected["entries"])
    if sheet.cell(row=total, column=3).value != "Total":
        problem(f"the apportionment's total is not on row {total}")
        return
    for column in range(4, check_column + 1):
        check_covers(sheet, total, column, heading + 1, total - 1, "apportionment total")
    check_formula(book, values, sheet, total, 4, expected["account"]["total"],
                  "apportionment gross total")
    for p, poll in enumerate(expected["polls"]):
        check_formula(book, values, sheet, total, 5 + p, poll["total"],
                      f"apportionment total of {poll['title']}")
    check_formula(book, values, sheet, total, check_column, 0, "apportionment check total")
    if sum(poll["total"] for poll in expected["polls"]) != expected["account"]["total"]:
        problem("the polls' totals do not add up to the account's")


def check_ledger(book, values, sheet, expected):
    heading = find_row(sheet, 1, "No.")
    if heading is None:
        problem("the ledger has no headings")
        return
    columns = [c.value for c in sheet[heading]]
    try:
        supplier, net, vat, gross = (columns.index(name) + 1
                                     for name in ("Supplier", "Net", "VAT", "Gross"))
    except ValueError:
        problem(f"the ledger's headings are {columns}")
        return
    for i, entry in enumerate(expected["entries"]):
        row = heading + 1 + i
        cell = sheet.cell(row=row, column=supplier)
        if cell.value != entry["supplier"] or cell.data_type != "s":
            problem(f"ledger row {row}: supplier {cell.value!r} ({cell.data_type})")
        check_number(sheet, row, net, entry["net"], f"ledger row {row} net")
        check_number(sheet, row, vat, entry["vat"], f"ledger row {row} VAT")
        check_number(sheet, row, gross, entry["gross"], f"ledger row {row} gross")
    total = heading + 1 + len(expected["entries"])
    for column in (net, vat, gross):
        check_covers(sheet, total, column, heading + 1, total - 1, "ledger total")
    check_formula(book, values, sheet, total, net, expected["account"]["net"], "ledger net")
    check_formula(book, values, sheet, total, vat, expected["account"]["vat"], "ledger VAT")
    check_formula(book, values, sheet, total, gross, expected["account"]["total"], "ledger gross")


def check_literals(book, literals):
    # Typed text lands as text, whole, and nowhere as a formula.
    found = {literal: False for literal in literals}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value in found and cell.data_type == "s":
                    found[cell.value] = True
                if is_formula(cell) and ("cmd" in str(cell.value) or "<" in str(cell.value)):
                    problem(f"{sheet.title}!{cell.coordinate} is a formula: {cell.value!r}")
    for literal, seen in found.items():
        if not seen:
            problem(f"{literal!r} is not in the workbook as text")


def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    book = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)

    names = book.sheetnames
    n_polls = len(expected["polls"])
    if len(names) != n_polls + 3 or names[0] != "Account" or names[-2:] != ["Apportionment",
                                                                            "Ledger"]:
        problem(f"sheets {names}")
        return
    for name in names:
        if len(name) > 31 or any(c in name for c in "[]:*?/\\"):
            problem(f"the sheet name {name!r} is not one Excel allows")
    if len({name.casefold() for name in names}) != len(names):
        problem(f"sheet names repeat: {names}")

    check_money_cells(book)
    check_account(book, values, book["Account"], expected["account"])
    for p, poll in enumerate(expected["polls"]):
        check_poll(book, values, book[names[1 + p]], poll)
    check_apportionment(book, values, book["Apportionment"], expected)
    check_ledger(book, values, book["Ledger"], expected)
    check_literals(book, expected["literals"])


main()
if problems:
    sys.exit(1)
print("workbook ok")
