#!/bin/sh
# The standards of rules/customer-operations.rules, one by one.  Each
# folder under tests/rules/customer-operations/ is a small organisation
# (units.csv) and what `coplan check` prints of it (expect.txt: stdout,
# then "exit N").  SCOPE-holds is an organisation where every standard of
# the scope applies and holds; each other folder, named after a rule,
# changes one count or service of it so that this rule breaks.  Beyond
# the exact output, a holds case fails if one of its scope's rules applied
# to no unit (lint's unused-rule warning names it), and a breaking case
# fails unless its rule is among the findings: neither can pass vacuously.
# UPDATE=1 rewrites expect.txt from the binary.
# Prints "rules: N passed, M failed".
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
cases=$root/tests/rules/customer-operations
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for dir in "$cases"/*/; do
	name=$(basename "$dir")
	(cd "$root" && "$bin" check rules/customer-operations.rules "$dir/units.csv" >"$tmp/out" 2>"$tmp/err"
	 echo "exit $?" >>"$tmp/out")
	[ "${UPDATE:-0}" = 1 ] && cp "$tmp/out" "$dir/expect.txt"
	why=
	if ! cmp -s "$dir/expect.txt" "$tmp/out"; then
		why="the output differs"
		diff -u "$dir/expect.txt" "$tmp/out" | sed -n '3,20p'
	fi
	case $name in
	*-holds)
		for rule in $(ls "$cases" | grep "^${name%-holds}_"); do
			grep -q "^ *[0-9]* | *\(should \)\{0,1\}rule $rule " "$tmp/err" &&
				why="$why; $rule applies to no unit"
		done
		grep -q ": 0 errors, 0 warnings$" "$tmp/out" || why="$why; a finding where all should hold" ;;
	*)
		grep -q "\[$name, " "$tmp/out" || why="$why; no finding of $name" ;;
	esac
	if [ -z "$why" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL rules: $name: ${why#; }"
	fi
done
echo "rules: $pass passed, $fail failed"
[ $fail = 0 ]
