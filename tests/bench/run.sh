#!/bin/sh
# make bench: check and plan of synthetic organisations of 10^4, 10^5 and
# 10^6 units, a roster of 10^7 rows, and a rules file of 10,000 rules;
# each against the hand-written baseline where there is one, measured in
# the same run.  Prints a table; the targets are those of issue 7.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/build/bench
mkdir -p "$out"
cc=${CC:-cc}
$cc -O2 -std=c11 -o "$out/gen" "$root/tests/bench/gen.c" || exit 2
$cc -O2 -std=c11 -o "$out/baseline" "$root/tests/bench/baseline.c" -lm || exit 2
$cc -O2 -std=c11 -o "$out/measure" "$root/tests/bench/measure.c" || exit 2
rules=$root/rules/customer-operations.rules
m() { "$out/measure" "$out/stdout" "$@"; }	# prints: wall cpu peak-MB exit
calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }
mb() { calc "$(wc -c <"$1") / 1048576"; }
printf '%-26s %8s %8s %9s %11s %8s %8s %9s  %s\n' case "wall s" "cpu s" "peak MB" "units/s" "MB/s" "input MB" "vs base" "targets"
row() {	# case wall cpu peak units input-MB base-cpu targets
	rate=$(calc "$5 / $2")
	mbs=$(calc "$6 / $2")
	ratio=$( [ -n "$7" ] && calc "$3 / $7" || echo "")
	printf '%-26s %8.3f %8.3f %9.1f %11.0f %8.1f %8.1f %9s  %s\n' "$1" "$2" "$3" "$4" "$rate" "$mbs" "$6" \
		"$( [ -n "$ratio" ] && printf '%.2fx' "$ratio")" "$8" | sed 's/ *$//'
}
prev=""
for n in 10000 100000 1000000; do
	u=$out/units-$n.csv
	[ -f "$u" ] || "$out/gen" units $n >"$u"
	size=$(mb "$u")
	set -- $(m "$out/baseline" "$u"); bcpu=$2
	set -- $(m "$bin" check "$rules" "$u"); cwall=$1 ccpu=$2 cmem=$3
	row "baseline $n" $(m "$out/baseline" "$u" | cut -d' ' -f1-3) $n "$size" "" ""
	t="check <= 2x base"
	[ $n = 1000000 ] && t="$t, <= 2 s, peak <= 1.5x input"
	[ -n "$prev" ] && t="$t; 10x units: $(printf '%.1f' "$(calc "$ccpu / $prev")")x cpu (<= 11)"
	row "check $n" "$cwall" "$ccpu" "$cmem" $n "$size" "$bcpu" "$t"
	prev=$ccpu
	"$bin" plan "$rules" "$u" --format json >"$out/plan.json"
	rounds=$(sed -n 's/^  "iterations": \([0-9]*\),$/\1/p' "$out/plan.json")
	set -- $(m "$bin" plan "$rules" "$u" --format csv)
	row "plan $n ($rounds rounds)" "$1" "$2" "$3" $n "$size" "" \
		"plan <= (rounds + 1) x check: $(printf '%.1f' "$(calc "$2 / $ccpu")") <= $((rounds + 1))"
done
p=$out/plain-200000.csv
r=$out/roster-10000000.csv
[ -f "$p" ] || "$out/gen" plain 200000 >"$p"
[ -f "$r" ] || "$out/gen" roster 10000000 >"$r"
set -- $(m "$bin" check "$rules" "$p" --roster "$r" --fte)
row "roster 10^7 rows --fte" "$1" "$2" "$3" 10000000 "$(calc "$(mb "$p") + $(mb "$r")")" "" "<= 3 s"
g=$out/big.rules
[ -f "$g" ] || "$out/gen" rules 10000 >"$g"
set -- $(m "$bin" lint "$g")
row "compile 10,000 rules" "$1" "$2" "$3" 10000 "$(mb "$g")" "" "<= 0.2 s"
