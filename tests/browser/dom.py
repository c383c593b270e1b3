"""Checks the DOM headless Chromium rendered from a coplan html report
against the json report of the same run.  check: a unit in the tree for
every unit checked, every finding's message on the page; plan: every
change's unit, every move and placement, the chart.  Both: the script
ran (the filters shown, check) and logged no error.  Prints one line per
failed check, then "N M" (passed, failed).
Usage: dom.py check|plan DOM.html REPORT.json CHROMIUM.log"""
import html.parser
import json
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tally import Tally  # noqa: E402

kind, dom, report, log = sys.argv[1], open(sys.argv[2]).read(), json.load(open(sys.argv[3])), open(sys.argv[4]).read()
t = Tally("browser", sys.argv[2].rsplit("/", 1)[-1])
check = t.check


class Page(html.parser.HTMLParser):
    """The page's text and unit ids; the check page's tree: each unit
    with its children, its meta line, its roll-up and whether it says why."""
    def __init__(self):
        super().__init__()
        self.ids, self.text, self.in_id, self.nav_hidden, self.svg = [], [], False, None, False
        self.units, self.stack, self.span, self.cell = [], [], None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        self.in_id = tag == "span" and cls == "id"
        if tag == "nav" and a.get("id") == "filters":
            self.nav_hidden = "hidden" in a
        self.svg |= tag == "svg"
        if tag == "tr" and self.stack and self.stack[-1]:
            self.stack[-1]["rows"].append([])
        if tag == "td" and self.stack and self.stack[-1] and self.stack[-1]["rows"]:
            self.stack[-1]["rows"][-1].append("")
            self.cell = True
        if tag == "li" and "unit" in cls.split():
            node = {"id": None, "meta": "", "below": "", "why": False, "kids": [], "rows": []}
            if self.stack:
                self.stack[-1]["kids"].append(node)
            self.stack.append(node)
            self.units.append(node)
        elif tag == "li":
            self.stack.append(None)
        if tag == "span" and self.stack and self.stack[-1]:
            self.span = "meta" if cls == "meta" else "below" if cls.startswith("below") else None

    def handle_endtag(self, tag):
        if tag == "td":
            self.cell = False
        if tag == "li" and self.stack:
            self.stack.pop()
        if tag == "span":
            self.span = None

    def handle_data(self, data):
        if self.in_id:
            self.ids.append(data.strip())
            if self.stack and self.stack[-1] and self.stack[-1]["id"] is None:
                self.stack[-1]["id"] = data.strip()
            self.in_id = False
        elif self.span and self.stack and self.stack[-1]:
            self.stack[-1][self.span] += data
        if self.cell and self.stack and self.stack[-1] and self.stack[-1]["rows"]:
            self.stack[-1]["rows"][-1][-1] += data
        if data.startswith(WHY) and self.stack and self.stack[-1]:
            self.stack[-1]["why"] = True
        self.text.append(data)


# the page in Italian (LANGUAGE=it): its words, and numbers written 1.234,5
IT = os.environ.get("LANGUAGE") == "it"
HEADCOUNT = "organico" if IT else "headcount"
BELOW = "con le unit\u00e0 sottostanti" if IT else "with the units below"
WHY = "perch\u00e9" if IT else "why"
NUM = r"[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]+)?" if IT else r"[0-9]+(?:\.[0-9]+)?"


def num(text):
    return float(text.replace(".", "").replace(",", ".")) if IT else float(text)


def own_headcount(u):
    return num(re.search(HEADCOUNT + r" (%s)" % NUM, u["meta"]).group(1))


def before_after(text):
    """"12 \u2192 14, cost +80000" -> (12, 14)"""
    m = re.match(r"\s*(%s)(?:\s*\u2192\s*(%s))?" % (NUM, NUM), text)
    return num(m.group(1)), num(m.group(2) or m.group(1))


def plan_rollups(units, report, pruned):
    """The plan page's tree: every unit's headcount before and after with
    the units below it adds up over its children on the page; every
    change of the json is in its unit's table with the rules behind it."""
    bad = []
    for u in reversed(units):
        own = before_after(u["meta"].split(HEADCOUNT, 1)[1])
        u["sub"] = (own[0] + sum(k["sub"][0] for k in u["kids"]), own[1] + sum(k["sub"][1] for k in u["kids"]))
        if u["kids"] and not pruned:	# a large page leaves unchanged units out: sums not on it
            said = before_after(u["meta"].split(BELOW, 1)[1])
            if any(abs(a - b) > 1e-6 for a, b in zip(said, u["sub"])):
                bad.append("%s: with the units below %s, the tree adds up to %s" % (u["id"], said, u["sub"]))
    by_id = {u["id"]: u for u in units}
    for x in report["units"]:
        for r in x["roles"]:
            if r["delta"] == 0:
                continue
            unit = by_id.get(x["unit"], {"rows": [], "why": False})
            if not unit["why"]:
                bad.append("%s: a change and no why" % x["unit"])
            rows = [row for row in unit["rows"] if row and row[0] == r["role"]]
            if not rows or not rows[0][-1].strip() or num(rows[0][2]) != r["proposed"]:
                bad.append("%s %s: no row with its proposal and rules in its unit's table: %s" % (x["unit"], r["role"], rows))
    return bad


def below_count(u, what):
    if IT:
        what = {"error": "error[ei]", "warning": "avvis[oi]"}[what]
        m = re.search(r"(\d+) %s\b" % what, u["below"])
    else:
        m = re.search(r"(\d+) %ss?\b" % what, u["below"])
    return int(m.group(1)) if m else 0


def rollups(units, findings):
    """Every unit's roll-up against its children on the page and the
    json's findings: its headcount with the units below, the errors and
    warnings below it."""
    own = {}
    for f in findings:
        e = own.setdefault(f["unit"], [0, 0])
        e[0 if f["severity"] == "error" else 1] += 1
    bad = []
    for u in reversed(units):	# children before parents: sums ready
        u["sub"] = own_headcount(u) + sum(k["sub"] for k in u["kids"])
        u["err"] = sum(own.get(k["id"], [0, 0])[0] + k["err"] for k in u["kids"])
        u["warn"] = sum(own.get(k["id"], [0, 0])[1] + k["warn"] for k in u["kids"])
        m = re.search(r"(%s) %s" % (NUM, BELOW), u["meta"])
        said = num(m.group(1)) if m else own_headcount(u)
        if u["kids"] and not m or abs(said - u["sub"]) > 1e-6:
            bad.append("%s: headcount with the units below %s, the page's tree adds up to %s" % (u["id"], said, u["sub"]))
        if below_count(u, "error") != u["err"] or below_count(u, "warning") != u["warn"]:
            bad.append("%s: '%s', the findings below it are %d errors, %d warnings" % (u["id"], u["below"], u["err"], u["warn"]))
    return bad


p = Page()
p.feed(dom)
text = " ".join(" ".join(p.text).split())
errors = [l for l in log.splitlines() if "CONSOLE" in l and ("Uncaught" in l or "Error" in l)]
check(not errors, "script errors: %s" % errors[:3])
check("<html" in dom[:200].lower() and "</body>" in dom, "not a whole page")
if kind == "check":
    check(len(p.ids) == report["summary"]["units"], "%d units in the tree, %d checked" % (len(p.ids), report["summary"]["units"]))
    check(p.nav_hidden is False, "the filters were not shown: the script did not run")
    ids = set(p.ids)
    lost = [f["unit"] for f in report["findings"] if f["unit"] not in ids]
    check(not lost, "units of findings not in the tree: %s" % lost[:5])
    lost = [f["message"] for f in report["findings"] if " ".join(f["message"].split()) not in text]
    check(not lost, "%d findings not on the page: %s" % (len(lost), lost[:3]))
    check(len(report["findings"]) > 0, "no finding to look for")
    bad = rollups(p.units, report["findings"])
    check(not bad, "%d roll-ups wrong: %s" % (len(bad), bad[:3]))
    check(any(u["below"] for u in p.units), "no roll-up to look for")
    if len(p.units) <= 2000:
        nowhy = [u["id"] for u in p.units if not u["why"]]
        check(not nowhy, "%d units say no why: %s" % (len(nowhy), nowhy[:5]))
else:
    check(p.svg, "no chart")
    ids = set(p.ids)
    changed = [u["unit"] for u in report["units"] if any(r["delta"] != 0 for r in u["roles"])]
    check(changed, "no change to look for")
    lost = [u for u in changed if u not in ids]
    check(not lost, "changed units not on the page: %s" % lost[:5])
    lost = [m for m in report["moves"] if not (m["from"] in ids and m["to"] in text and m["role"] in text)]
    check(not lost, "moves not on the page: %s" % lost[:3])
    lost = [x for x in report["placements"] if not (x["pool"] in text and x["unit"] in text)]
    check(not lost, "placements not on the page: %s" % lost[:3])
    check("the tree shows the units with a change" in text or len(p.units) >= len(report["units"]),
          "%d units in the tree, the json has %d with rows" % (len(p.units), len(report["units"])))
    pruned = "the tree shows the units with a change" in text
    bad = plan_rollups(p.units, report, pruned)
    check(not bad, "%d units wrong in the tree: %s" % (len(bad), bad[:3]))
t.done()
