#!/bin/sh
# For every rules file in the repository that compiles: fmt is idempotent
# and the formatted file compiles to the same program (locations aside).
# Prints "fmt-roundtrip: N passed, M failed".
suite=fmt-roundtrip
. "$(dirname "$0")/lib.sh"
for f in $(cd "$root" && git ls-files '*.rules' 2>/dev/null || find . -name '*.rules'); do
	src="$root/$f"
	"$bin" lint --dump "$src" 2>/dev/null | grep -v '^    at ' >"$tmp/a" || continue
	dir=$(dirname "$src")
	out="$dir/.fmt-roundtrip.$$.rules"	# beside it, so includes resolve
	"$bin" fmt "$src" >"$out" 2>/dev/null
	"$bin" fmt "$out" >"$tmp/again" 2>/dev/null
	"$bin" lint --dump "$out" 2>/dev/null | grep -v '^    at ' >"$tmp/b"
	if cmp -s "$out" "$tmp/again" && cmp -s "$tmp/a" "$tmp/b"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL fmt-roundtrip $f"
		diff "$tmp/a" "$tmp/b" | head -10
	fi
	rm -f "$out"
done
finish
