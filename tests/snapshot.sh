#!/bin/sh
# Every report of the shipped examples, written into one folder, so that
# two builds can be compared byte for byte (a change meant to keep the
# output: sh tests/snapshot.sh OLD/coplan /tmp/a; sh tests/snapshot.sh
# build/coplan /tmp/b; diff -r /tmp/a /tmp/b).  Workbooks are unpacked
# and their one timestamp (docProps/core.xml) left out.
# usage: tests/snapshot.sh COPLAN DIR
set -u
bin=$1 out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
rm -rf "$out" && mkdir -p "$out" || exit 2
ex=examples/customer-operations
main=rules/customer-operations.rules
y22=rules/customer-operations-2022.rules
run() {	# NAME COMMAND...: stdout, stderr and the exit status
	name=$1; shift
	"$@" >"$out/$name.out" 2>"$out/$name.err"
	echo $? >"$out/$name.rc"
}
unpack() {	# NAME: the workbook NAME.xlsx as files, its timestamp gone
	[ -f "$out/$1.xlsx" ] || return 0
	mkdir -p "$out/$1.x" && (cd "$out/$1.x" && python3 -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n != "docProps/core.xml":
        import os; os.makedirs(os.path.dirname(n) or ".", exist_ok=True)
        open(n, "wb").write(z.read(n))' "../$1.xlsx") && rm "$out/$1.xlsx"
}
for d in units 2022-01/units before-placements/units rome-units; do
	u=$ex/$d.csv n=$(echo "$d" | tr / -)
	for f in text json csv junit sarif github markdown html; do
		run "check-$n-$f" "$bin" check $main "$u" --format $f --jobs 1
	done
	run "check-$n-xlsx" "$bin" check $main "$u" --format xlsx -o "$out/check-$n.xlsx"
	unpack "check-$n"
	for r in $main $y22 rules/customer-operations-moves.rules; do
		rn=$(basename "$r" .rules)
		for f in table csv json markdown html; do
			run "plan-$rn-$n-$f" "$bin" plan "$r" "$u" --format $f
		done
		run "plan-$rn-$n-xlsx" "$bin" plan "$r" "$u" --format xlsx -o "$out/plan-$rn-$n.xlsx"
		unpack "plan-$rn-$n"
	done
done
u=$ex/units.csv
run plan-2022-budget "$bin" plan $y22 $u --budget-cost 100000000 --format json
run plan-2022-impossible "$bin" plan $y22 $u --budget-cost -1000000000000 --format json
for id in $(sed -n '2,6s/[,;].*//p;60,64s/[,;].*//p' $u); do
	run "explain-$id" "$bin" explain $main $u "$id"
	run "explain-2022-$id" "$bin" explain $y22 $u "$id"
done
for f in text json csv markdown html; do
	run "diff-$f" "$bin" diff $main $ex/units.csv $ex/2022-01/units.csv --format $f
	run "diff-roster-$f" "$bin" diff $main $ex/rome-units.csv $ex/rome-units.csv \
		--roster-before $ex/roster-2021-11.csv --roster-after $ex/roster-2022-01.csv --fte --format $f
done
for r in rules/*.rules; do
	rn=$(basename "$r" .rules)
	run "lint-$rn" "$bin" lint "$r"
	run "fmt-$rn" "$bin" fmt "$r"
done
run check-roster "$bin" check $main $ex/rome-units.csv --roster $ex/roster-2022-01.csv --fte
run plan-roster "$bin" plan $main $ex/rome-units.csv --roster $ex/roster-2022-01.csv --fte
ls "$out" | wc -l | sed 's/$/ files/'
