#!/bin/sh
# The shape of src/, kept true: every module (a .c file but main.c) has a
# header of its own; no module depends back on one that depends on it (A
# depends on B when A's .c or .h includes B's header); no source file is
# over 700 lines; explain.c is under 300.  Prints each breach, then
# "modules: N passed, M failed" (one check per module and per file).
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/src" || exit 2
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL modules: $*"; fail=$((fail + 1)); }
for c in *.c; do
	m=${c%.c}
	[ "$m" = main ] && continue
	if [ -f "$m.h" ]; then ok; else bad "$c has no header $m.h"; fi
done
for f in *.c *.h ../grammar/*; do
	n=$(wc -l <"$f")
	if [ "$n" -le 700 ]; then ok; else bad "$f has $n lines (700 at most)"; fi
done
n=$(wc -l <explain.c)
if [ "$n" -lt 300 ]; then ok; else bad "explain.c has $n lines (under 300)"; fi
# the graph: "A B" for each A that includes B's header
for f in *.c *.h; do
	m=${f%.?}
	sed -n 's/^#include "\([a-z_]*\)\.h".*/\1/p' "$f" | while read -r h; do
		[ "$h" != "$m" ] && [ -f "$h.h" ] && echo "$m $h"
	done
done | sort -u >"${TMPDIR:-/tmp}/coplan-deps.$$"
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
' "${TMPDIR:-/tmp}/coplan-deps.$$")
rm -f "${TMPDIR:-/tmp}/coplan-deps.$$"
if [ -z "$cycle" ]; then ok; else bad "modules depend on each other in a circle: $cycle"; fi
echo "modules: $pass passed, $fail failed"
[ $fail = 0 ]
