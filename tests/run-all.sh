#!/bin/sh
# Runs every suite: the cmocka unit tests, the golden CLI cases, the
# hostile inputs, the standards of the shipped rules one by one, the
# shape of the modules, the
# report formats, the examples of the README and docs/, the staffing
# repository template in its pipelines,
# the man pages, the editor syntax and completion, the fmt round trip,
# the workbooks read back, the html pages in a browser, the same output
# on one thread and on several.  Ends with one line: "N passed, M failed" over all of them.
# the messages as the expected outputs have them: English, whatever the
# environment asks (the Italian cases set their own locale)
unset LANGUAGE
LC_ALL=C.UTF-8
export LC_ALL
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
pass=0 fail=0
add() {	# reads "...: N passed, M failed" or cmocka's summary from $log
	p=$(sed -n 's/^.*\[  PASSED  \] \([0-9]*\) test.*/\1/p; s/^[a-z-]*: \([0-9]*\) passed, [0-9]* failed$/\1/p' "$log" | tail -1)
	f=$(sed -n 's/^.*\[  FAILED  \] \([0-9]*\) test.*/\1/p; s/^[a-z-]*: [0-9]* passed, \([0-9]*\) failed$/\1/p' "$log" | tail -1)
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-0}))
	if [ -z "$p$f" ] || { [ "$2" != 0 ] && [ "${f:-0}" = 0 ]; }; then
		echo "$1: crashed or printed no result (exit $2)"
		fail=$((fail + 1))
	fi
}
for t in "$build"/test_*; do
	[ -x "$t" ] || continue
	"$t" >"$log" 2>&1
	rc=$?
	grep -E '^\[  (ERROR|FAILED) |^\[   LINE' "$log"
	add "$(basename "$t")" $rc
done
suite() {	# suite NAME COMMAND...: its failures, then its tally
	name=$1
	shift
	"$@" >"$log" 2>&1
	rc=$?
	grep -v "^$name: " "$log"
	add "$name" $rc
}
suite cli sh "$root/tests/cli/run.sh" "$build/coplan"
suite hostile sh "$root/tests/cli/run.sh" "$build/coplan" "$root/tests/hostile" hostile
# the same cases in Italian (LANGUAGE=it): expected.it.* where it differs.
# Under a sanitizer (make sanitize, make tsan: COPLAN_SANITIZED) they are
# left out, and so are the suites whose coplan is not the build's (the
# staffing pipelines and the release build their own), the pages in
# Chromium and the workbooks read back by openpyxl (the browser's and
# Python's time, not coplan's: the golden cases write the same pages and
# workbooks under the sanitizer): make check itself runs them
if [ -z "${COPLAN_SANITIZED:-}" ]; then
	suite cli-it env LANGUAGE=it sh "$root/tests/cli/run.sh" "$build/coplan" "$root/tests/cli" cli-it
	suite hostile-it env LANGUAGE=it sh "$root/tests/cli/run.sh" "$build/coplan" "$root/tests/hostile" hostile-it
fi
suite italian sh "$root/tests/italian.sh" "$build/coplan"
suite formats sh "$root/tests/formats.sh" "$build/coplan"
suite rules sh "$root/tests/rules.sh" "$build/coplan"
suite modules sh "$root/tests/modules.sh"
suite readme sh "$root/tests/readme.sh" "$build/coplan"
[ -n "${COPLAN_SANITIZED:-}" ] || suite staffing-repo sh "$root/tests/staffing-repo.sh" "$build/coplan"
suite man sh "$root/tests/man.sh" "$build/coplan"
suite editors sh "$root/tests/editors.sh" "$build/coplan"
suite fmt-roundtrip sh "$root/tests/fmt-roundtrip.sh" "$build/coplan"
[ -n "${COPLAN_SANITIZED:-}" ] || suite xlsx sh "$root/tests/xlsx.sh" "$build/coplan"
[ -n "${COPLAN_SANITIZED:-}" ] || suite browser sh "$root/tests/browser.sh" "$build/coplan"
suite jobs sh "$root/tests/jobs.sh" "$build/coplan"
[ -n "${COPLAN_SANITIZED:-}" ] || suite release sh "$root/tests/release.sh" "$build/coplan"
echo "$pass passed, $fail failed"
[ $fail = 0 ]
