#!/usr/bin/env python3
# read-payroll-xlsx.py
# Copyright 2026 The Electoral Desk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads a payroll workbook (ed-payroll-export-xlsx.c) back with openpyxl, as a finance
# officer's spreadsheet would, and checks it against the figures test-staff-payroll.c gives in
# a JSON file: that amounts are numbers with a currency format, not text; that each total is a
# formula; that each formula, worked out here over the cells it names, comes to the value it
# carries; and that both are ed_payroll's figures to the penny.
#
# Usage: read-payroll-xlsx.py WORKBOOK.xlsx EXPECTED.json
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


# A small evaluator for the formulas the export writes: SUM(range), SUMIF(range, criterion,
# range), a reference to one cell, each optionally on another sheet ('name'!A1).
REF = r"(?:'(?P<sheet>[^']+)'!)?(?P<ref>\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)"


def cells(book, default_sheet, text):
    match = re.fullmatch(REF, text.strip())
    if match is None:
        raise ValueError("not a reference: " + text)
    sheet = book[match.group("sheet") or default_sheet]
    min_col, min_row, max_col, max_row = range_boundaries(match.group("ref").replace("$", ""))
    return [sheet.cell(row=r, column=c) for r in range(min_row, max_row + 1)
            for c in range(min_col, max_col + 1)]


def evaluate(book, values, sheet_name, formula):
    body = formula.lstrip("=")
    match = re.fullmatch(r"SUM\((.+)\)", body)
    if match:
        return sum(value_of(book, values, c) or 0 for c in cells(book, sheet_name, match.group(1)))
    match = re.fullmatch(r"SUMIF\(([^,]+),([^,]+),([^,]+)\)", body)
    if match:
        test, criterion, summed = match.groups()
        if criterion.startswith('"'):
            wanted = criterion.strip('"')
        else:
            wanted = value_of(book, values, cells(book, sheet_name, criterion)[0])
        test_cells = cells(book, sheet_name, test)
        sum_cells = cells(book, sheet_name, summed)
        if len(test_cells) != len(sum_cells):
            raise ValueError("ranges of different sizes: " + formula)
        return sum(value_of(book, values, s) or 0
                   for t, s in zip(test_cells, sum_cells)
                   if value_of(book, values, t) == wanted)
    return value_of(book, values, cells(book, sheet_name, body)[0])


def value_of(book, values, cell):
    if isinstance(cell.value, str) and cell.value.startswith("="):
        return evaluate(book, values, cell.parent.title, cell.value)
    return cell.value


def check_formula(book, values, sheet, row, column, expected, what):
    cell = sheet.cell(row=row, column=column)
    if not (isinstance(cell.value, str) and cell.value.startswith("=")):
        problem(f"{what}: {cell.coordinate} is not a formula but {cell.value!r}")
        return
    worked_out = evaluate(book, values, sheet.title, cell.value)
    carried = values[sheet.title].cell(row=row, column=column).value
    if "£" not in cell.number_format:
        problem(f"{what}: {cell.coordinate} has no currency format ({cell.number_format})")
    if pence(worked_out) != expected:
        problem(f"{what}: {cell.value} comes to {worked_out}, expected {expected}p")
    if carried is None or pence(carried) != expected:
        problem(f"{what}: {cell.coordinate} carries {carried!r}, expected {expected}p")


def find_row(sheet, column, text, start=1):
    for row in range(start, sheet.max_row + 1):
        if sheet.cell(row=row, column=column).value == text:
            return row
    return None


def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    book = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)

    if book.sheetnames[0] != "Summary" or expected["sheet"] not in book.sheetnames:
        problem(f"sheets {book.sheetnames}")
        return
    sheet = book[expected["sheet"]]

    # The lines: a row each under the headings, the amount a number in pounds.
    heading_row = find_row(sheet, 1, "Payroll reference")
    amount_column = [c.value for c in sheet[heading_row]].index("Amount") + 1
    lines = 0
    row = heading_row + 1
    while sheet.cell(row=row, column=2).value not in (None, ""):
        amount = sheet.cell(row=row, column=amount_column)
        if not isinstance(amount.value, (int, float)) or isinstance(amount.value, bool):
            problem(f"{amount.coordinate} is {amount.value!r}, not a number")
        elif "£" not in amount.number_format:
            problem(f"{amount.coordinate} has no currency format ({amount.number_format})")
        work_date = sheet.cell(row=row, column=6).value
        if not hasattr(work_date, "year"):
            problem(f"row {row}: the work date {work_date!r} is not a date")
        lines += 1
        row += 1
    if lines != expected["lines"]:
        problem(f"{lines} lines, expected {expected['lines']}")

    total_row = find_row(sheet, amount_column - 1, "Total", heading_row)
    check_formula(book, values, sheet, total_row, amount_column, expected["gross"], "total")

    people_row = find_row(sheet, 1, "Totals per person", total_row)
    for name, amount in expected["people"].items():
        row = find_row(sheet, 2, name, people_row)
        if row is None:
            problem(f"no total for {name}")
            continue
        check_formula(book, values, sheet, row, 3, amount, name)

    heads_row = find_row(sheet, 1, "Totals per cost head", people_row)
    for head, amount in expected["cost_heads"].items():
        row = find_row(sheet, 1, head, heads_row)
        if row is None:
            problem(f"no total for the cost head {head}")
            continue
        check_formula(book, values, sheet, row, 2, amount, head)

    summary = book["Summary"]
    for label, key in (("Gross", "gross"), ("Taxable", "taxable"),
                       ("Not taxable", "non_taxable")):
        row = find_row(summary, 1, label)
        if row is None:
            problem(f"the summary has no {label}")
            continue
        check_formula(book, values, summary, row, 2, expected[key], "summary " + label)
    by_head = find_row(summary, 1, "By cost head")
    for head, amount in expected["cost_heads"].items():
        row = find_row(summary, 1, head, by_head)
        if row is None:
            problem(f"the summary has no {head}")
            continue
        check_formula(book, values, summary, row, 2, amount, "summary " + head)


main()
if problems:
    sys.exit(1)
print("workbook ok")
