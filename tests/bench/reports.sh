#!/bin/sh
# Reports and matching steps at 10^5 and beyond (make bench runs it;
# alone: sh tests/bench/reports.sh build/coplan): each must grow with
# its input, not with its square.  A plan's workbook with 10^5
# unresolved conflicts (and its json, the same work without the
# workbook), 10^5 waivers against 10^5 findings, a baseline of 3x10^5
# findings with --unit, diff of 2,000 units with 1,000 graded roles.
# Each run is stopped after 120 s.  Prints a table.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/build/bench/reports
mkdir -p "$out"
cc=${CC:-cc}
[ -x "$root/build/bench/measure" ] || $cc -O2 -std=c11 -o "$root/build/bench/measure" "$root/tests/bench/measure.c" || exit 2
m() { "$root/build/bench/measure" /dev/null timeout 120 "$@" 2>/dev/null; }	# wall cpu peak-MB exit
cd "$out" || exit 2
units() { awk -v n="$1" -v c="$2" 'BEGIN { print "id,name,kind,parent,tutor"; for (i = 0; i < n; i++) printf "U%d,u,x,,%d\n", i, c }'; }
printf 'role tutor\nrule a: at least 2 tutor\nrule b: at most 1 tutor\n' >conflict.rules
printf 'role tutor\nrule need: at least 1 tutor\n' >need.rules
units 100000 0 >u5.csv
units 300000 0 >u3x5.csv
awk 'BEGIN { print "unit,role,rule,until,reason"; for (i = 0; i < 100000; i++) printf "U%d,tutor,need,2099-01-01,approved\n", i }' >waivers.csv
"$bin" check need.rules u3x5.csv --format json -o base.json
awk 'BEGIN { for (r = 0; r < 1000; r++) printf "role r%d grade G%d\n", r, r; print "rule need: at least 1 r0" }' >grades.rules
for v in 1 2; do
	awk -v v=$v 'BEGIN { printf "id,name,kind,parent"; for (r = 0; r < 1000; r++) printf ",r%d", r; print "";
		for (u = 0; u < 2000; u++) { printf "U%d,u,x,", u; for (r = 0; r < 1000; r++) printf ",%d", v; print "" } }' >grades-$v.csv
done
printf '%-52s %8s %6s\n' case "wall s" exit
row() { set -- "$1" $(m $2); printf '%-52s %8.2f %6s\n' "$1" "$2" "$5"; }
row "plan, 10^5 conflicts, json" "$bin plan conflict.rules u5.csv --format json -o plan.json"
row "plan, 10^5 conflicts, xlsx" "$bin plan conflict.rules u5.csv --format xlsx -o plan.xlsx"
row "check, 10^5 waivers against 10^5 findings" "$bin check need.rules u5.csv --waivers waivers.csv"
row "check, a baseline of 3x10^5 findings, --unit" "$bin check need.rules u3x5.csv --baseline base.json --unit U5"
row "diff, 2,000 units, 1,000 graded roles" "$bin diff grades.rules grades-1.csv grades-2.csv"
