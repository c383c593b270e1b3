#!/bin/sh
# Runs each libFuzzer harness for SECONDS (default 60) from seed corpora
# made of the repository's rules and data; new inputs are kept in
# build-fuzz/corpus/, crashes in build-fuzz/crashes/.  Exits 1 on a crash.
secs=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/build-fuzz
mkdir -p "$out/crashes"
seed() {	# seed NAME FILES...
	dir=$out/corpus/$1
	shift
	mkdir -p "$dir"
	for f in "$@"; do
		[ -f "$f" ] && [ "$(wc -c <"$f")" -lt 65536 ] && cp "$f" "$dir/$(echo "$f" | tr / _)"
	done
}
cd "$root" || exit 2
seed rules rules/*.rules tests/cli/*/*.rules tests/fixtures/*.rules
seed units tests/cli/*/units.csv tests/cli/*/*.csv tests/fixtures/*.csv
seed roster tests/cli/roster-*/roster.csv
seed waivers tests/cli/*/waivers.csv tests/cli/*/*waiver*.csv
seed feed tests/cli/*/units.csv tests/fixtures/*.csv
mkdir -p "$out/corpus/plan" "$out/corpus/test"
printf '\377\377\012\024\003\017\020\004\005\020\030\003\002\044\011\021\022' >"$out/corpus/plan/seed"
{ printf '\002'; cat tests/fixtures/sac-units.csv; echo '%%'; echo 'ok'; echo '%%'; echo '--fail-on warning'; } >"$out/corpus/test/seed"
mkdir -p "$out/corpus/baseline"
for s in tests/cli/check-format-json/expected.out docs/examples/data/bad-baseline.json; do
	[ -f "$s" ] && cp "$s" "$out/corpus/baseline/$(echo "$s" | tr / _)"
done
mkdir -p "$out/corpus/check"
for d in tests/cli/check-*/ tests/cli/data-*/ tests/cli/whole-*/; do	# a case's own files, or its fixtures
	r=$d/main.rules u=$d/units.csv
	[ -f "$d/fixtures" ] && while read -r to from; do
		[ "$to" = main.rules ] && r=tests/fixtures/$from
		[ "$to" = units.csv ] && u=tests/fixtures/$from
	done <"$d/fixtures"
	[ -f "$r" ] && [ -f "$u" ] &&
		{ cat "$r"; echo '%%'; cat "$u"; } >"$out/corpus/check/$(basename "$d")"
done
status=0
for h in ${FUZZ_HARNESSES:-rules units roster check baseline test waivers plan feed}; do
	echo "== fuzz_$h, ${secs}s"
	# a whole plan may take its 100 rounds before it says it does not
	# settle (a budget that binds can make rounds swing): seconds, more
	# under ASan
	limit=10
	[ "$h" = plan ] && limit=60
	"$out/fuzz_$h" "$out/corpus/$h" -dict="$root/tests/fuzz/rules.dict" \
		-max_total_time="$secs" -timeout=$limit -rss_limit_mb=2048 -max_len=8192 -close_fd_mask=3 \
		-artifact_prefix="$out/crashes/$h-" -print_final_stats=1 >"$out/fuzz_$h.log" 2>&1 || status=1
	grep -E '^stat::number_of_executed_units|^stat::new_units_added|ERROR|SUMMARY' "$out/fuzz_$h.log"
done
[ $status = 0 ] || echo "fuzz: a crash; the input is in $out/crashes/"
exit $status
