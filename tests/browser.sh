#!/bin/sh
# check and plan --format html in a real browser: headless Chromium loads
# each page (the shipped examples, and 10^4 units), and tests/browser/dom.py
# reads the DOM it rendered; a screenshot of each page is kept in
# build/screenshots/.  Prints "browser: N passed, M failed".
suite=browser
. "$(dirname "$0")/lib.sh"
shots=$(dirname "$bin")/screenshots
chrome=""
for c in chromium chromium-browser google-chrome; do
	if command -v $c >/dev/null 2>&1; then chrome=$c; break; fi
done
[ -n "$chrome" ] || { no "no Chromium (make deps-test installs chromium)"; echo "browser: $pass passed, $fail failed"; exit 1; }
mkdir -p "$shots"
cd "$root" || exit 2
page() {	# page NAME COMMAND RULES UNITS
	"$bin" "$2" "$3" "$4" --format html -o "$tmp/$1.html" --report json="$tmp/$1.json" 2>/dev/null
	[ $? -le 1 ] || { no "$1: coplan exit $?"; return; }
	flags="--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir=$tmp/profile"
	timeout 120 $chrome $flags --enable-logging=stderr --v=0 --dump-dom "file://$tmp/$1.html" >"$tmp/$1.dom" 2>"$tmp/$1.log" ||
		{ no "$1: Chromium failed"; return; }
	timeout 120 $chrome $flags --window-size=1280,1600 --screenshot="$shots/$1.png" "file://$tmp/$1.html" >/dev/null 2>&1 &&
		[ -s "$shots/$1.png" ] && pass=$((pass + 1)) || no "$1: no screenshot"
	set -- $(python3 tests/browser/dom.py "$2" "$tmp/$1.dom" "$tmp/$1.json" "$tmp/$1.log" | tee "$tmp/out" | tail -1)
	grep '^FAIL' "$tmp/out"
	pass=$((pass + ${1:-0})) fail=$((fail + ${2:-1}))
}
page check-example check rules/customer-operations.rules examples/customer-operations/2022-01/units.csv
page plan-example plan rules/customer-operations.rules examples/customer-operations/2022-01/units.csv
page plan-2022 plan rules/customer-operations-2022.rules examples/customer-operations/units.csv
page check-hospitals check examples/hospitals/hospitals.rules examples/hospitals/units.csv
page plan-hospitals plan examples/hospitals/hospitals.rules examples/hospitals/units.csv
# in Italian: the same pages, the same DOM, the words and numbers the reader's
LANGUAGE=it
export LANGUAGE
page check-example-it check rules/customer-operations.rules examples/customer-operations/2022-01/units.csv
page plan-2022-it plan rules/customer-operations-2022.rules examples/customer-operations/units.csv
grep -q '<html lang="it">' "$tmp/check-example-it.dom" && grep -q 'Riporta\|L.organizzazione' "$tmp/check-example-it.dom" &&
	grep -q '<option value="error">errore</option>' "$tmp/check-example-it.dom" && ok ||
	no "check-example-it: not an Italian page"
grep -q 'La variazione per livello' "$tmp/plan-2022-it.dom" && grep -q '5\.033' "$tmp/plan-2022-it.dom" && ok ||
	no "plan-2022-it: not an Italian page, or its numbers not the Italian way"
unset LANGUAGE
cc -O2 -std=c11 -o "$tmp/gen" tests/bench/gen.c || exit 2
"$tmp/gen" units 10000 >"$tmp/units.csv"
page check-10000 check rules/customer-operations.rules "$tmp/units.csv"
page plan-10000 plan rules/customer-operations.rules "$tmp/units.csv"
finish
