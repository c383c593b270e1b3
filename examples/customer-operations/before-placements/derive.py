#!/usr/bin/env python3
"""The organisation before the order's placements, derived.

The order reports the 72 Nexive and 485 insourced people as placed
already (lines 1742-1816: "SAL", "reimpiegate", "e' stato inserito"),
by area and function only.  The published centres include them.  This
takes them out again: each pool of rules/customer-operations-2022.rules
(its count, role or group, functions and area) is subtracted from the
centres it may place into, in proportion to their staff of its roles
(largest remainder, ties in id order), operators before clerks.  The
head office's pools subtract nothing: no table of the order sizes it,
and units.csv gives it no one.  Every row changed gets `placed` in its
`estimate` column.

Usage: derive.py RULES UNITS.csv > before.csv
"""
import csv
import re
import sys

rules, units_path = sys.argv[1], sys.argv[2]
pools = []
for line in open(rules, encoding="utf-8"):
    m = re.match(r'pool (\w+) "[^"]*": (\d+) (\w+) where (.*)$', line.strip())
    if not m:
        continue
    name, n, what, cond = m.group(1), int(m.group(2)), m.group(3), m.group(4)
    if "id ==" in cond:
        continue  # the head office: in no table
    funcs = re.findall(r'"([a-z_]+)"', cond.split(" and area")[0])
    area = re.search(r'area == "([^"]+)"', cond).group(1)
    roles = ["operatore_bo", "addetto_bo"] if what == "arrivi_bo" else [what]
    pools.append((name, n, roles, set(funcs), area))

with open(units_path, newline="", encoding="utf-8") as f:
    reader = csv.DictReader(f)
    fields = reader.fieldnames
    rows = list(reader)

for name, n, roles, funcs, area in pools:
    cands = [r for r in rows if r["function"] in funcs and r["area"] == area]
    weight = {r["id"]: sum(float(r[x] or 0) for x in roles) for r in cands}
    total = sum(weight.values())
    if total < n:
        sys.exit(f"derive.py: pool {name}: {n} people, {total:g} in its centres")
    share = {k: n * w / total for k, w in weight.items()}
    take = {k: int(v) for k, v in share.items()}
    left = n - sum(take.values())
    for k in sorted(share, key=lambda k: (-(share[k] - take[k]), k))[:left]:
        take[k] += 1
    for r in cands:
        t = take[r["id"]]
        for x in roles:
            have = int(float(r[x] or 0))
            d = min(have, t)
            if d:
                r[x] = str(have - d)
                t -= d
        if take[r["id"]] and "placed" not in r["estimate"].split():
            r["estimate"] = (r["estimate"] + " placed").strip()

w = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n")
w.writeheader()
w.writerows(rows)
