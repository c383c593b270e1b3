"""Reads a coplan workbook back with openpyxl and checks it against the
json report of the same run (check or plan): the sheets, a row per
finding, unit, rule, (unit, role), move and placement, numbers stored
as numbers, the header frozen, an autofilter over every row, the severities coloured, each finding naming its rule's label
and line.  Prints one line per failed check, then "N M" (passed, failed).
Usage: read.py BOOK.xlsx REPORT.json"""
import json
import os
import sys

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tally import Tally  # noqa: E402

book, report = sys.argv[1], json.load(open(sys.argv[2]))
wb = openpyxl.load_workbook(book)
t = Tally("xlsx", book.rsplit("/", 1)[-1])
check = t.check
plan = wb.sheetnames[0] == "Plan"
want_sheets = ["Plan", "Totals", "Units", "Rules", "Moves", "Placements", "Budget"] if plan else ["Findings", "Totals", "Units", "Rules"]
check(wb.sheetnames == want_sheets, "sheets %s" % wb.sheetnames)
for ws in wb.worksheets:
    check(ws.freeze_panes == "A2", "%s: frozen at %s" % (ws.title, ws.freeze_panes))
    want = "A1:%s%d" % (openpyxl.utils.get_column_letter(ws.max_column), ws.max_row)
    check(ws.auto_filter.ref == want, "%s: autofilter %s, not %s" % (ws.title, ws.auto_filter.ref, want))
    for col in range(1, ws.max_column + 1):
        letter = openpyxl.utils.get_column_letter(col)
        check(ws.column_dimensions[letter].width and ws.column_dimensions[letter].width > 5,
              "%s: column %s has no width" % (ws.title, letter))


def get_col(col, head):
    return openpyxl.utils.get_column_letter(col[head] + 1)


def rows_of(ws):
    heads = [c.value for c in ws[1]]
    return {h: i for i, h in enumerate(heads)}, list(ws.iter_rows(min_row=2, values_only=True))


def coloured(ws, red, amber):
    cf = [[x.formula for x in r.rules] for r in ws.conditional_formatting]
    return [['"%s"' % red], ['"%s"' % amber]] in cf


if plan:
    col, rows = rows_of(wb["Plan"])
    want = [(u["unit"], r["role"]) for u in report["units"] for r in u["roles"]]
    check([(r[col["unit"]], r[col["role"]]) for r in rows] == want, "the Plan rows differ from the json's")
    for h in ("current", "proposed", "delta", "moved", "placed", "line"):
        check(all(isinstance(r[col[h]], (int, float)) for r in rows if r[col["rules"]]), "Plan: %s not numbers" % h)
    flat = {(u["unit"], r["role"]): r for u in report["units"] for r in u["roles"]}
    check(all(r[col["proposed"]] == flat[(r[col["unit"]], r[col["role"]])]["proposed"] for r in rows),
          "Plan: proposed counts differ from the json's")
    short = sum(r[col["status"]] == "short" for r in rows)
    check(short == len(report["unresolved"]), "%d short rows, the json has %d unresolved" % (short, len(report["unresolved"])))
    check(not rows or coloured(wb["Plan"], "short", "change"), "Plan: status not coloured")
    check(wb["Moves"].max_row - 1 == len(report["moves"]), "Moves rows")
    check(wb["Placements"].max_row - 1 == len(report["placements"]) + len(report["unplaced"]), "Placements rows")
    tcol, trows = rows_of(wb["Totals"])
    alls = [r for r in trows if r[0] == "all"]
    check(len(alls) == 1 and alls[0][tcol["proposed"]] == report["totals"]["proposed"], "Totals: all")
    for k in ("hires", "releases", "moves", "placed"):
        got = [r[tcol["delta"]] for r in trows if r[0] == k]
        check(got == [report["totals"][k]], "Totals: %s %s, the json says %s" % (k, got, report["totals"][k]))
    check(wb["Rules"].max_row > 1, "no rules")
    unders = [r for r in trows if str(r[0]).startswith("under ")]
    check(all(0 <= r[tcol["current"]] <= alls[0][tcol["current"]] for r in unders), "Totals: a subtree above the whole")
    costs = [c for c in wb["Totals"][get_col(tcol, "cost delta")] if c.row > 1 and isinstance(c.value, (int, float))]
    check(all(c.number_format == "#,##0.00" for c in costs), "Totals: a cost without its number format")
    for attr, values in report["totals"].get("by_attribute", {}).items():
        for v, x in values.items():
            got = [r for r in trows if r[0] == "%s %s" % (attr, v)]
            check(len(got) == 1 and got[0][tcol["proposed"]] == x["proposed"] and got[0][tcol["cost delta"]] == x["cost_delta"],
                  "Totals: %s %s %s, the json says %s" % (attr, v, got, x))
    bcol, brows = rows_of(wb["Budget"])
    want = [(b["kind"], b["of"], b["limit"], b["used"]) for b in report["totals"]["budgets"]]
    check([(r[bcol["budget"]], r[bcol["of"]], r[bcol["limit"]], r[bcol["used"]]) for r in brows] == want,
          "Budget: %s, the json says %s" % (brows, want))
    check(all(wb["Budget"].cell(row=i + 2, column=bcol["limit"] + 1).number_format == "#,##0.00"
              for i, r in enumerate(brows) if r[bcol["budget"]] == "cost"), "Budget: a cost without its number format")
else:
    findings = [f for u in report["units"] for f in u.get("findings", [])] if "units" in report else report["findings"]
    f = wb["Findings"]
    check(f.max_row - 1 == len(findings), "%d finding rows, the json has %d" % (f.max_row - 1, len(findings)))
    heads = [c.value for c in f[1]]
    check(heads[:5] == ["unit", "name", "role", "grade", "count"] and "label" in heads and "line" in heads,
          "Findings header %s" % heads)
    if len(findings):
        col = {h: i for i, h in enumerate(heads)}
        rows = list(f.iter_rows(min_row=2, values_only=True))
        check(all(isinstance(r[col["count"]], (int, float)) for r in rows), "counts are not numbers")
        check(all(isinstance(r[col["line"]], (int, float)) for r in rows), "lines are not numbers")
        check(all(r[col["severity"]] in ("error", "warning") for r in rows), "severities")
        errors = sum(r[col["severity"]] == "error" for r in rows)
        check(errors == report["summary"]["errors"], "%d error rows, the json says %d" % (errors, report["summary"]["errors"]))
        units = sorted(set((r[col["unit"]], r[col["role"]]) for r in rows))
        want = sorted(set((x["unit"], x["role"]) for x in findings))
        check(units == want, "the (unit, role)s differ from the json's")
        check(coloured(f, "error", "warning"), "severities not coloured")
    rules = wb["Rules"]
    check(rules.max_row - 1 == report["summary"]["rules"], "%d rule rows, the json has %d rules" % (rules.max_row - 1, report["summary"]["rules"]))
    units = wb["Units"]
    check(units.max_row - 1 == report["summary"]["units"], "%d unit rows, the json checked %d" % (units.max_row - 1, report["summary"]["units"]))
    tcol, trows = rows_of(wb["Totals"])
    for attr, values in report["summary"].get("by_attribute", {}).items():
        for v, x in values.items():
            got = [r for r in trows if r[0] == "%s %s" % (attr, v)]
            check(len(got) == 1 and got[0][tcol["units"]] == x["units"] and got[0][tcol["errors"]] == x["errors"]
                  and got[0][tcol["warnings"]] == x["warnings"], "Totals: %s %s %s, the json says %s" % (attr, v, got, x))

t.done()
