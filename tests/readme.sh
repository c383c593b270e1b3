#!/bin/sh
# Every example in README.md and docs/*.md that starts with "    $ coplan"
# (or "    $ cd DIR && coplan") is run from the repository's root, and its
# output must be the indented lines that follow it, up to the next line
# that is not indented; so must the output of the quick start's
# `make demo`.  Prints "readme: N passed, M failed".
suite=readme
. "$(dirname "$0")/lib.sh"
n=0
for doc in "$root/README.md" "$root"/docs/*.md "$root"/docs/it/*.md; do
	n=$((n + 1))
	awk -v dir="$tmp" -v doc="$n" -v name="${doc#$root/}" '
		function flush() { if (k) { close(out) } k = 0 }
		/^    \$ (cd [^ ]+ && )?(LANGUAGE=[a-z]+ )?coplan / {
			flush(); m++; base = dir "/" doc "-" m; out = base ".want"
			cmd = substr($0, 7); print cmd > (base ".cmd"); close(base ".cmd")
			print name > (base ".doc"); close(base ".doc")
			if (name ~ /^docs\/it\//) { print "it" > (base ".lang"); close(base ".lang") }
			k = 1; printf "" > out; next
		}
		k && /^    / { print substr($0, 5) > out; next }
		k && /^$/ { print "" > out; next }
		{ flush() }
		END { flush() }
	' "$doc"
done
pass=0 fail=0
for c in "$tmp"/*.cmd; do
	[ -f "$c" ] || continue
	k=${c%.cmd}
	# the output ends where the text goes on: drop trailing blank lines
	sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$k.want" >"$k.w"
	cmd=$(cat "$c")
	# the Italian docs run in Italian
	lang=$(cat "$k.lang" 2>/dev/null)
	(cd "$root" && [ -n "$lang" ] && LANGUAGE=$lang && export LANGUAGE
		eval "$(printf '%s' "$cmd" | sed "s|coplan |\"$bin\" |")") >"$k.got" 2>&1
	if cmp -s "$k.w" "$k.got"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL readme: $(cat "$k.doc"): $cmd"
		diff "$k.w" "$k.got" | head -10
	fi
done
# the quick start's `make demo`: its commands, echoed, and what they print
awk '/^    build\/coplan lint / { on = 1 } on && /^    / { print substr($0, 5); next } on && /^$/ { print ""; next } on { exit }' \
	"$root/README.md" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' >"$tmp/demo.want"
grep '^build/coplan ' "$tmp/demo.want" | while IFS= read -r line; do
	echo "$line"
	# the files the demo writes go to the test's folder, not build/
	(cd "$root" && eval "$(printf '%s' "$line" | sed -e "s|^build/coplan |\"$bin\" |" -e "s| -o build/| -o $tmp/|")")
done >"$tmp/demo.got" 2>&1
if [ -s "$tmp/demo.want" ] && cmp -s "$tmp/demo.want" "$tmp/demo.got"; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "FAIL readme: the output of make demo"
	diff "$tmp/demo.want" "$tmp/demo.got" | head -10
fi
finish
