#!/bin/sh
# The shape of src/, kept true.  src/ is in wings, lowest first:
#   base front data engine plan report api cli
# and a file includes headers of its own wing and the wings before it
# only.  Every module (a .c file but main.c) has a header of its own; no
# module depends back on one that depends on it (A depends on B when A's
# .c or .h includes B's header); no two files define a static of one
# name (a tool that follows names would see a circle); no source file is
# over 600 lines and no function over 120 (but one whose first line
# before it says "may be long", an interpreter's switch); explain.c is
# under 300; no plural glued from "s" and "".  Prints each breach, then
# "modules: N passed, M failed".
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/src" || exit 2
wings="base front data engine plan report api cli"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL modules: $*"; fail=$((fail + 1)); }
tmp=${TMPDIR:-/tmp}/coplan-modules.$$
trap 'rm -f "$tmp".*' EXIT
# "module wing-rank" for every header and source
rank=0
for w in $wings; do
	for f in "$w"/*.c "$w"/*.h; do
		[ -f "$f" ] && echo "$(basename "${f%.?}") $rank $w"
	done
	rank=$((rank + 1))
done | sort -u >"$tmp.rank"
for f in *.c *.h; do
	[ -f "$f" ] && bad "$f is in no wing (src/WING/$f)"
done
for w in $wings; do
	for c in "$w"/*.c; do
		m=$(basename "${c%.c}")
		[ "$m" = main ] && continue
		if [ -f "$w/$m.h" ]; then ok; else bad "$c has no header $w/$m.h"; fi
	done
done
for f in */*.c */*.h ../grammar/*; do
	n=$(wc -l <"$f")
	if [ "$n" -le 600 ]; then ok; else bad "$f has $n lines (600 at most)"; fi
done
# functions: from a line "name(" at the margin to the "}" that ends it
awk '
	FNR == 1 { name = "" }
	/^[A-Za-z_][A-Za-z0-9_]*\(/ { name = $0; sub(/\(.*/, "", name); start = FNR; long = (prev ~ /may be long/ || prev2 ~ /may be long/) }
	/^}/ && name != "" { n = FNR - start + 1; if (n > 120 && !long) printf "%s:%d: %s has %d lines (120 at most)\n", FILENAME, start, name, n; name = "" }
	{ prev2 = prev; prev = $0 }
' */*.c >"$tmp.long"
if [ -s "$tmp.long" ]; then
	while read -r line; do bad "$line"; done <"$tmp.long"
else
	ok
fi
n=$(wc -l <engine/explain.c)
if [ "$n" -lt 300 ]; then ok; else bad "engine/explain.c has $n lines (under 300)"; fi
# the graph: "A B" for each A that includes B's header; each edge within
# the wings' order
for f in */*.c */*.h; do
	m=$(basename "${f%.?}")
	sed -n 's/^#include "\([a-z_]*\)\.h".*/\1/p' "$f" | while read -r h; do
		[ "$h" != "$m" ] && grep -q "^$h " "$tmp.rank" && echo "$m $h"
	done
done | sort -u >"$tmp.deps"
up=$(awk 'NR == FNR { r[$1] = $2; w[$1] = $3; next }
	r[$2] > r[$1] { printf "%s (%s) includes %s (%s); ", $1, w[$1], $2, w[$2] }' "$tmp.rank" "$tmp.deps")
if [ -z "$up" ]; then ok; else bad "a wing includes a wing above it: $up"; fi
cycle=$(awk '
	{ out[$1] = out[$1] " " $2; node[$1]; node[$2] }
	function visit(m,    i, n, e) {
		state[m] = 1; path[++depth] = m
		n = split(out[m], e, " ")
		for (i = 1; i <= n; i++) {
			if (state[e[i]] == 1) { found = e[i]; for (j = depth; j >= 1 && path[j] != e[i]; j--) ; s = ""; for (; j <= depth; j++) s = s path[j] " -> "; print s e[i]; exit 0 }
			if (!state[e[i]]) visit(e[i])
		}
		state[m] = 2; depth--
	}
	END { for (m in node) if (!state[m]) visit(m) }
' "$tmp.deps")
if [ -z "$cycle" ]; then ok; else bad "modules depend on each other in a circle: $cycle"; fi
# file-level names (functions and data) given in two files, a static
# at least one of them: a tool that follows names reads them as one
dup=$(awk '
	FNR == 1 { fn = 0 }
	fn { if (match($0, /^[A-Za-z_][A-Za-z0-9_]*\(/)) print substr($0, 1, RLENGTH - 1), FILENAME, kind; fn = 0; next }
	/^static / {
		if ($0 !~ /[=;\[{]/ && $0 !~ /\(/) { fn = 1; kind = "static"; next }	# a function: its name on the next line
		l = $0; sub(/[ \t]*(\[|=|;).*/, "", l); sub(/.*[ *]/, "", l)
		if (l ~ /^[A-Za-z_][A-Za-z0-9_]*$/) print l, FILENAME, "static"
		next
	}
	/^[a-zA-Z_][^(]*[ *]?$/ && $0 !~ /^(typedef|struct|enum|union|extern|#)/ && $0 !~ /[;=]/ { fn = 1; kind = "extern"; next }
' */*.c | sort -u | awk '
	$1 == last && (kind == "static" || $3 == "static") && lastf != $2 { printf "%s (%s, %s); ", $1, lastf, $2 }
	{ last = $1; lastf = $2; kind = $3 }')
if [ -z "$dup" ]; then ok; else bad "names given in two files, one static: $dup"; fi
# results before formats: no writer runs the rules (the engine's and the
# plan's results functions do, and the writers take what they give)
runs=$(grep -n '\b\(check_unit\|check_rule\|check_in_scope\|check_scope\|check_forget\|check_missing\|check_traced\|req_judge\|plan_propose\|eval_[a-z]*\)(' report/*.c | head -3)
if [ -z "$runs" ]; then ok; else bad "a writer runs the rules (report/ takes results): $runs"; fi
# a count's sentence in its two forms (msg.h), never put together from
# "s" and "": a translation could not
glued=$(grep -n '? "" : "s"\|? "s" : ""\|? "" : "es"' */*.c | head -3)
if [ -z "$glued" ]; then ok; else bad "a plural made of \"s\" and \"\" (use plural(), msg.h): $glued"; fi
echo "modules: $pass passed, $fail failed"
[ $fail = 0 ]
