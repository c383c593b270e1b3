#!/bin/sh
# Threads change nothing a user sees: check, plan, explain and diff of
# tables large enough to be read on two threads and checked in parts
# (over 4 MiB, over 8192 units), run with --jobs 1, 2 and 3, give the
# same output, messages and exit status byte for byte; so do the faults
# a reader meets late in a large file (a quote never closed, a byte that
# is not UTF-8, 1000 errors and then a fault, a parent not found), a
# runtime error far into the units, a table read from a pipe, and
# aggregates over descendants shared by the parts (check and plan).  Each
# case also checks that it is the case it means to be.  Prints "jobs: N
# passed, M failed".
suite=jobs
. "$(dirname "$0")/lib.sh"
cd "$root" || exit 2
cc -O2 -std=c11 -o "$tmp/gen" tests/bench/gen.c || exit 2
"$tmp/gen" units 60000 >"$tmp/units.csv"
rules=rules/customer-operations.rules

# same NAME EXIT GREP COMMAND...: the command (its files in $tmp) with
# --jobs 1, 2 and 3; one thread's exit must be EXIT and its stderr must
# hold GREP (when not empty); the others must say exactly the same
same() {
	name=$1 want=$2 pat=$3
	shift 3
	for j in 1 2 3; do
		"$bin" "$@" --jobs $j >"$tmp/out$j" 2>"$tmp/err$j"
		echo $? >"$tmp/rc$j"
	done
	rc=$(cat "$tmp/rc1")
	if [ "$rc" = "$want" ] && { [ -z "$pat" ] || grep -q -- "$pat" "$tmp/err1"; }; then ok; else
		no "$name: one thread: exit $rc (want $want), $(head -c 300 "$tmp/err1")"
	fi
	for j in 2 3; do
		if cmp -s "$tmp/out1" "$tmp/out$j" && cmp -s "$tmp/err1" "$tmp/err$j" && cmp -s "$tmp/rc1" "$tmp/rc$j"; then ok; else
			no "$name: --jobs $j differs from --jobs 1"
			diff "$tmp/err1" "$tmp/err$j" | head -5
			diff "$tmp/out1" "$tmp/out$j" | head -5
		fi
	done
}

[ "$(wc -c <"$tmp/units.csv")" -gt 4194304 ] && ok || no "the table is under 4 MiB: it would not be read on two threads"
same check-text 1 "" check $rules "$tmp/units.csv"
[ "$(grep -c '^error: ' "$tmp/out1")" -gt 1000 ] && ok || no "check-text: fewer findings than meant"
same check-json 1 "" check $rules "$tmp/units.csv" --format json
same check-sarif 1 "" check $rules "$tmp/units.csv" --format sarif
same check-github 1 "" check $rules "$tmp/units.csv" --format github
same plan-csv 0 "" plan $rules "$tmp/units.csv" --format csv
[ "$(wc -l <"$tmp/out1")" -gt 100000 ] && ok || no "plan-csv: fewer rows than meant (blocks of units on each thread)"
cp "$tmp/out1" "$tmp/plan.csv"
same plan-csv-units 0 "" plan $rules "$tmp/units.csv" --format csv --unit U1000 --unit U25660 --unit U58786
for j in 1 2; do "$bin" plan $rules "$tmp/units.csv" --format csv --jobs $j -o "$tmp/plan$j.csv" 2>/dev/null; done
cmp -s "$tmp/plan1.csv" "$tmp/plan2.csv" && cmp -s "$tmp/plan1.csv" "$tmp/plan.csv" && ok ||
	no "plan-csv -o: a file written in blocks differs"
same check-units 1 "" check $rules "$tmp/units.csv" --unit U1000 --unit U25660 --unit U58786 --format json
"$bin" check $rules "$tmp/units.csv" --format json --jobs 1 >"$tmp/base.json" 2>/dev/null
sed '30000,30100s/,[0-9]*,[0-9]*,[0-9]*$/,0,0,0/' "$tmp/units.csv" >"$tmp/later.csv"
same baseline 0 "" check $rules "$tmp/later.csv" --baseline "$tmp/base.json"
grep -q '^[1-9][0-9]* new, [0-9]* worse, [0-9]* unchanged, [0-9]* better (baseline), [0-9]* fixed$' "$tmp/out1" && ok || no "baseline: no new finding"
same plan-table 0 "" plan $rules "$tmp/units.csv"
[ "$(sed -n 's/^\([0-9]*\) changes in \([0-9]*\) units.*/\2/p' "$tmp/out1")" -gt 2048 ] && ok || no "plan-table: fewer changed units than meant"
same plan-markdown 0 "" plan $rules "$tmp/units.csv" --format markdown
same plan-html 0 "" plan $rules "$tmp/units.csv" --format html
same explain 0 "" explain $rules "$tmp/units.csv" U59990
sed '40000s/,[0-9]*,[0-9]*,[0-9]*$/,0,0,0/' "$tmp/units.csv" >"$tmp/after.csv"
same diff 0 "" diff $rules "$tmp/units.csv" "$tmp/after.csv"
grep -q '^2 counts changed in 1 unit' "$tmp/out1" && ok || no "diff: not the change meant"

# a pipe: read on two threads too, the same findings as the file's
cat "$tmp/units.csv" | "$bin" check $rules - --jobs 1 >"$tmp/pipe1" 2>&1
cat "$tmp/units.csv" | "$bin" check $rules - --jobs 2 >"$tmp/pipe2" 2>&1
cmp -s "$tmp/pipe1" "$tmp/pipe2" && ok || { no "a pipe: --jobs 2 differs from --jobs 1"; diff "$tmp/pipe1" "$tmp/pipe2" | head -5; }
"$bin" check $rules "$tmp/units.csv" >"$tmp/file" 2>/dev/null
[ "$(grep -c '^error: ' "$tmp/pipe2")" = "$(grep -c '^error: ' "$tmp/file")" ] && ok ||
	no "a pipe: not the findings of the file"

# faults late in the file: said after every message of the lines before
awk 'NR == 50001 { sub(/,Unit /, ",\"Unit ") } { print }' "$tmp/units.csv" >"$tmp/quote.csv"
same quote 2 "never closed" check $rules "$tmp/quote.csv"
printf 'U99999,Unit \377,hub,,assistenza,Sicilia,FIN,1,0,1,4,0,0,1,3,1,3,0,42,0,0,0\n' >"$tmp/bad"
cat "$tmp/units.csv" "$tmp/bad" >"$tmp/utf8.csv"
same utf8 2 "is not UTF-8" check $rules "$tmp/utf8.csv"
cat "$tmp/units.csv" "$tmp/bad" | "$bin" check $rules - --jobs 1 >"$tmp/out1" 2>"$tmp/err1"
cat "$tmp/units.csv" "$tmp/bad" | "$bin" check $rules - --jobs 2 >"$tmp/out2" 2>"$tmp/err2"
cmp -s "$tmp/err1" "$tmp/err2" && grep -q 'Unit ?' "$tmp/err2" && ok ||
	no "a pipe with a fault at its end: the messages differ, or the line is not quoted"
# 1200 cells that are not numbers, then a fault: reading stops at 1000
# errors, and the fault is never said
awk -F, -v OFS=, 'NR > 1 && NR <= 1201 { $19 = "x" } NR == 30000 { sub(/Unit/, "\"Unit") } { print }' \
	"$tmp/units.csv" >"$tmp/many.csv"
same many-errors 2 "reading stopped after 1000 errors" check $rules "$tmp/many.csv"
grep -q "never closed" "$tmp/err1" && no "many-errors: the fault after the limit was said" || ok
# errors on both sides of a fault: lines with a field short, then one
# that breaks the reading
awk -F, -v OFS=, 'NR % 7000 == 0 { NF = NF - 1 } NR == 45000 { sub(/Unit/, "\"Unit") } { print }' \
	"$tmp/units.csv" >"$tmp/fields.csv"
same fields 2 "has 21 fields, and the header 22" check $rules "$tmp/fields.csv"
awk -F, -v OFS=, 'NR == 55555 || NR == 7777 { $4 = "NOWHERE" } { print }' "$tmp/units.csv" >"$tmp/parent.csv"
same parent 2 "no unit has the id 'NOWHERE'" check $rules "$tmp/parent.csv"
[ "$(grep -c "no unit has the id 'NOWHERE'" "$tmp/err1")" = 2 ] && ok || no "parent: not both lines said"
awk -F, -v OFS=, 'NR == 20000 || NR == 58000 { $1 = "U7" } { print }' "$tmp/units.csv" >"$tmp/twice.csv"
same twice 2 "the id 'U7' is already used on line 9" check $rules "$tmp/twice.csv"
[ "$(grep -c "already used on line" "$tmp/err1")" = 2 ] && ok || no "twice: not both lines said"

# a runtime error at a unit far from the first: said once, the first
awk 'BEGIN { print "id,kind,shifts,tutor,operatore"
	for (i = 0; i < 200000; i++) printf "U%d,hub,%d,1,20\n", i, (i == 150000 || i == 170000) ? 0 : 1 }' >"$tmp/div.csv"
printf 'kind hub\nrole tutor\nrole operatore\nattribute shifts : number\nrule per_shift: tutor >= operatore / shifts / 20\n' >"$tmp/div.rules"
same division 2 "U150000" check "$tmp/div.rules" "$tmp/div.csv"
grep -q "U170000" "$tmp/err1" && no "division: a second runtime error was said" || ok
same division-plan-csv 2 "U150000" plan "$tmp/div.rules" "$tmp/div.csv" --format csv

# aggregates over descendants, worked out once and shared by the parts,
# in check and in a plan whose changes reach every unit above them
"$tmp/gen" chain 60000 >"$tmp/chain.csv"
printf 'kind hub, spoke\nrole tutor\nattribute shifts : number\nrule below: at least 2 tutor if count(descendants where tutor > 2) > 1000\nrule span: at most 3 tutor\n' >"$tmp/chain.rules"
same chain-check 1 "" check "$tmp/chain.rules" "$tmp/chain.csv"
[ "$(grep -c '^error: ' "$tmp/out1")" -gt 10000 ] && ok || no "chain-check: fewer findings than meant"
same chain-plan 0 "" plan "$tmp/chain.rules" "$tmp/chain.csv"
grep -q 'changes in .* units; settled in 2 rounds' "$tmp/out1" && ok || no "chain-plan: not the plan meant: $(tail -1 "$tmp/out1")"

# --jobs takes a number of threads
for v in 0 -1 x 1.5 257; do
	"$bin" check $rules examples/customer-operations/units.csv --jobs "$v" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ $rc = 2 ] && [ ! -s "$tmp/out" ] && grep -q "takes a number of threads from 1 to 256, not '$v'" "$tmp/err" && ok ||
		no "--jobs $v: exit $rc, $(head -c 200 "$tmp/err")"
done
"$bin" check $rules examples/customer-operations/units.csv --jobs=2 >/dev/null 2>&1
[ $? -le 1 ] && ok || no "--jobs=2 is not taken"
finish
