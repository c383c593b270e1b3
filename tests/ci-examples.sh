#!/bin/sh
# The CI examples (examples/ci/*.yml) do what they say: every coplan
# command in them runs on the shipped example, from a copy of the
# repository's layout, and exits as the pipeline needs (0); the reports
# they upload exist and are what their format says.
# Prints "ci-examples: N passed, M failed".
suite=ci-examples
. "$(dirname "$0")/lib.sh"
mkdir -p "$tmp/build"
ln -s "$root/rules" "$tmp/rules"
ln -s "$root/examples" "$tmp/examples"
ln -s "$root/tests" "$tmp/tests"
# what `git show` of the target branch gives: here, the same table
cp "$root/examples/customer-operations/units.csv" "$tmp/base-units.csv"
ln -s "$bin" "$tmp/build/coplan"
for yml in "$root"/examples/ci/*.yml; do
	name=$(basename "$yml")
	# the commands: "run: build/coplan ..." and "- build/coplan ..."
	sed -n 's/^ *\(run: \|- \)\(build\/coplan .*\)$/\2/p' "$yml" >"$tmp/cmds"
	if [ ! -s "$tmp/cmds" ]; then
		echo "FAIL ci-examples: $name runs no coplan command"
		fail=$((fail + 1))
		continue
	fi
	while IFS= read -r cmd; do
		if (cd "$tmp" && GITHUB_STEP_SUMMARY="$tmp/summary.md" sh -c "$cmd") >"$tmp/out" 2>&1; then
			pass=$((pass + 1))
		else
			echo "FAIL ci-examples: $name: $cmd"
			sed -n '1,10p' "$tmp/out"
			fail=$((fail + 1))
		fi
	done <"$tmp/cmds"
done
# what the pipelines upload
check() {	# check WHAT COMMAND...
	what=$1
	shift
	if "$@" >/dev/null 2>&1; then pass=$((pass + 1)); else echo "FAIL ci-examples: $what"; fail=$((fail + 1)); fi
}
check "coplan.sarif is SARIF 2.1.0" grep -q '"version": "2.1.0"' "$tmp/coplan.sarif"
check "coplan-junit.xml is a JUnit report" grep -q '<testsuites' "$tmp/coplan-junit.xml"
check "summary.md is the markdown report, against the baseline" grep -q '^0 new, 0 worse, 2 unchanged, 0 better (baseline), 0 fixed' "$tmp/summary.md"
check "baseline.json is a check report" grep -q '"findings"' "$tmp/baseline.json"
check "rule-tests.xml is a JUnit report of the rule tests" grep -q '<testsuites name="coplan test"' "$tmp/rule-tests.xml"
check "the SARIF marks the findings against the baseline" grep -q '"baselineState": "unchanged"' "$tmp/coplan.sarif"
finish
