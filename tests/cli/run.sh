#!/bin/sh
# Golden CLI cases: each folder under tests/cli/ holds `cmd` (the
# arguments), expected.out, expected.err and expected.exit; a missing
# expected.out or expected.err means that stream must be empty.  A file
# `fixtures` names files shared by many cases, one "PATH FIXTURE" a line:
# tests/fixtures/FIXTURE is put at PATH in the case's copy.  The case
# runs in a copy of its folder, so it may write files; `cmd` is shell text
# after the binary, and may call $COPLAN again.  A case may have a shell
# `script` instead, run with $COPLAN and $ROOT (the repository) set.
# With VALGRIND=1 each run of the first command goes under memcheck;
# with UPDATE=1 each case's expected files are rewritten from what it
# printed (`make update-golden`; review them with git diff).
# Prints a failure's diff and, last, "cli: N passed, M failed".
# With ONLY=NAME, the case NAME alone (`make test T=NAME`).
# With LANGUAGE=it the cases run in Italian: a case whose output the
# language changes has it in expected.it.out and expected.it.err (UPDATE
# writes them only where they differ from the English); the others
# must print what they print in English, byte for byte.
# Usage: run.sh COPLAN [CASES-DIR [LABEL]] (default: this folder, "cli").
# the messages in the language of the expected outputs: English, or
# Italian with LANGUAGE=it, whatever else the environment asks
it=""
[ "${LANGUAGE:-}" = it ] && it=.it
unset LANGUAGE
[ -n "$it" ] && LANGUAGE=it && export LANGUAGE
LC_ALL=C.UTF-8
export LC_ALL
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "${2:-$(dirname "$0")}" && pwd)
label=${3:-cli}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for dir in "$here"/*/; do
	name=$(basename "$dir")
	[ -z "${ONLY:-}" ] || [ "$name" = "$ONLY" ] || continue
	[ -f "$dir/cmd" ] || [ -f "$dir/script" ] || continue
	args=$(cat "$dir/cmd" 2>/dev/null)
	run="$bin"
	[ "${VALGRIND:-0}" = 1 ] && run="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=all $bin"
	rm -rf "$tmp/case" && cp -R "$dir" "$tmp/case"
	if [ -f "$dir/fixtures" ]; then	# shared files: "PATH FIXTURE" a line
		while read -r to from; do
			mkdir -p "$tmp/case/$(dirname "$to")"
			cp "$root/tests/fixtures/$from" "$tmp/case/$to"
		done <"$dir/fixtures"
		rm "$tmp/case/fixtures"
	fi
	if [ -f "$dir/script" ]; then
		(cd "$tmp/case" && COPLAN="$run" ROOT="$root" sh ./script \
			>"$tmp/out" 2>"$tmp/err" </dev/null; echo $? >"$tmp/exit")
	else
		(cd "$tmp/case" && COPLAN="$bin" && export COPLAN &&
			eval "$run $args" >"$tmp/out" 2>"$tmp/err" </dev/null; echo $? >"$tmp/exit")
	fi
	if [ "${UPDATE:-0}" = 1 ] && [ -n "$it" ]; then	# the Italian where it differs
		for s in out err; do
			english="$dir/expected.$s"
			[ -f "$english" ] || english=/dev/null
			if cmp -s "$english" "$tmp/$s"; then rm -f "$dir/expected.it.$s"; else cp "$tmp/$s" "$dir/expected.it.$s"; fi
		done
	elif [ "${UPDATE:-0}" = 1 ]; then	# write what it printed, for review
		for s in out err; do
			if [ -s "$tmp/$s" ]; then cp "$tmp/$s" "$dir/expected.$s"; else rm -f "$dir/expected.$s"; fi
		done
		# an expected.exit stays (0 is also said by its absence)
		if [ -f "$dir/expected.exit" ] || [ "$(cat "$tmp/exit")" != 0 ]; then cp "$tmp/exit" "$dir/expected.exit"; fi
	fi
	ok=1
	want_exit=$(cat "$dir/expected.exit" 2>/dev/null || echo 0)
	if [ "$(cat "$tmp/exit")" != "$want_exit" ]; then
		echo "FAIL $name: exit $(cat "$tmp/exit"), want $want_exit"
		ok=0
	fi
	for s in out err; do
		want="$dir/expected$it.$s"
		[ -f "$want" ] || want="$dir/expected.$s"
		[ -f "$want" ] || want=/dev/null
		if ! cmp -s "$want" "$tmp/$s"; then
			echo "FAIL $name: std$s differs"
			diff -u "$want" "$tmp/$s" | sed -n '3,40p'
			ok=0
		fi
	done
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "$label: $pass passed, $fail failed"
[ $fail = 0 ]
