#!/bin/sh
# check and plan --format xlsx read back with openpyxl: the shipped
# examples, a plan that leaves a must short, and an organisation of 10^4
# units (tests/xlsx/read.py says what is checked); a workbook refused on
# standard output and over an input.  Prints "xlsx: N passed, M failed".
suite=xlsx
. "$(dirname "$0")/lib.sh"
py=""
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import openpyxl' 2>/dev/null; then py=$p; break; fi
done
[ -n "$py" ] || { no "no python3 with openpyxl (make deps installs python3-openpyxl)"; echo "xlsx: $pass passed, $fail failed"; exit 1; }
cd "$root" || exit 2

# read back: the workbook against the json report of the same run
book() {	# book NAME COMMAND RULES UNITS [OPTION...]
	name=$1 cmd=$2 rules=$3 units=$4
	shift 4
	"$bin" "$cmd" "$rules" "$units" "$@" --format xlsx -o "$tmp/$name.xlsx" --report json="$tmp/$name.json" 2>"$tmp/err"
	rc=$?
	[ $rc -le 1 ] && [ -s "$tmp/$name.xlsx" ] && ok || no "$name: exit $rc, no workbook"
	set -- $("$py" tests/xlsx/read.py "$tmp/$name.xlsx" "$tmp/$name.json" | tee "$tmp/read" | tail -1)
	grep '^FAIL' "$tmp/read"
	pass=$((pass + ${1:-0})) fail=$((fail + ${2:-1}))
}
book check-example check rules/customer-operations.rules examples/customer-operations/2022-01/units.csv
book plan-2022 plan rules/customer-operations-2022.rules examples/customer-operations/units.csv
book plan-short plan tests/cli/whole-budget-must/main.rules tests/cli/whole-budget-must/units.csv
book plan-hospitals plan examples/hospitals/hospitals.rules examples/hospitals/units.csv --totals-by area
book check-areas check rules/customer-operations.rules examples/customer-operations/2022-01/units.csv --totals-by area
cc -O2 -std=c11 -o "$tmp/gen" tests/bench/gen.c || exit 2
"$tmp/gen" units 10000 >"$tmp/units.csv"
book check-10000 check rules/customer-operations.rules "$tmp/units.csv"
book plan-10000 plan rules/customer-operations.rules "$tmp/units.csv"

# a workbook is never written to a terminal or a pipe
for cmd in check plan; do
	for args in "--format xlsx" "--report xlsx=-" "--format xlsx -o -"; do
		"$bin" $cmd rules/customer-operations.rules examples/customer-operations/units.csv $args >"$tmp/out" 2>"$tmp/err"
		rc=$?
		[ $rc = 2 ] && [ ! -s "$tmp/out" ] && grep -q 'the xlsx format needs a file: -o FILE.xlsx' "$tmp/err" && ok ||
			no "$cmd $args: exit $rc, $(head -c 200 "$tmp/err")"
	done
done
# nor over an input
cp examples/customer-operations/units.csv "$tmp/in.csv"
"$bin" check rules/customer-operations.rules "$tmp/in.csv" --format xlsx -o "$tmp/in.csv" 2>"$tmp/err"
rc=$?
[ $rc = 2 ] && cmp -s "$tmp/in.csv" examples/customer-operations/units.csv && ok || no "xlsx over an input: exit $rc"
finish
