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
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tally import Tally  # noqa: E402

kind, dom, report, log = sys.argv[1], open(sys.argv[2]).read(), json.load(open(sys.argv[3])), open(sys.argv[4]).read()
t = Tally("browser", sys.argv[2].rsplit("/", 1)[-1])
check = t.check


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.text, self.in_id, self.nav_hidden, self.svg = [], [], False, None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.in_id = tag == "span" and a.get("class") == "id"
        if tag == "nav" and a.get("id") == "filters":
            self.nav_hidden = "hidden" in a
        self.svg |= tag == "svg"

    def handle_data(self, data):
        if self.in_id:
            self.ids.append(data.strip())
            self.in_id = False
        self.text.append(data)


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
t.done()
