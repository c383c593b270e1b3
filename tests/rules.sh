#!/bin/sh
# The standards of rules/customer-operations.rules, one by one.  Each
# folder under tests/rules/customer-operations/ is a small organisation
# (units.csv) and what `coplan check` prints of it (expect.txt, the layout
# `coplan test` reads; make check also runs `coplan test --coverage --min
# 100` on them).  SCOPE-holds is an organisation where every standard of
# the scope applies and holds; each other folder, named after a rule,
# changes one count or service of it so that this rule breaks (RULE-WHAT
# when a rule has more than one way to break).  Beyond
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
	# from the rules' folder: the report names the rules file as coplan test does
	(cd "$root/rules" && "$bin" check customer-operations.rules "$dir/units.csv" >"$tmp/out" 2>"$tmp/err")
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
	*)	# RULE, or RULE-what-else-breaks-it
		grep -q "\[${name%%-*}, " "$tmp/out" || why="$why; no finding of ${name%%-*}" ;;
	esac
	if [ -z "$why" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL rules: $name: ${why#; }"
	fi
done
# the same cases as `coplan test` runs them: every one passes, and every
# rule, scope and alternative is exercised by one of them
if (cd "$root" && "$bin" test rules/customer-operations.rules tests/rules/customer-operations \
	--coverage --min 100 >"$tmp/test" 2>&1); then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL rules: coplan test --coverage --min 100:"
	grep -v "^ok " "$tmp/test"
fi
echo "rules: $pass passed, $fail failed"
[ $fail = 0 ]
