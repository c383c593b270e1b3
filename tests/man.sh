#!/bin/sh
# The man pages: clean under groff -man -ww, and coplan(1) says of each
# command exactly the options `coplan help COMMAND` lists.
# Prints "man: N passed, M failed".
suite=man
. "$(dirname "$0")/lib.sh"
for page in "$root"/docs/man/*.[1-9] "$root"/docs/man/*/*.[1-9]; do
	w=$(groff -man -ww -z "$page" 2>&1)
	if [ -z "$w" ]; then ok; else bad "$(basename "$page"): $w"; fi
done
# "option command" pairs of a page's options section (SECTION): an
# option, then "(check, plan)"
pairs() {	# pairs PAGE SECTION
	awk -v sec="$2" '
		$0 == ".SH " sec { on = 1; next }
		/^\.SH / { on = 0 }
		on && /^\.B[I]? \\-/ { opt = $2; gsub(/\\/, "", opt); next }
		on && opt && /^\(/ {
			s = $0; sub(/\).*/, "", s); sub(/^\(/, "", s)
			n = split(s, c, ", ")
			for (i = 1; i <= n; i++) print opt, c[i]
			opt = ""
		}
	' "$1" | sort
}
pairs "$root/docs/man/coplan.1" OPTIONS >"${TMPDIR:-/tmp}/man-opts.$$"
for cmd in check plan explain diff test lint fmt; do
	"$bin" help "$cmd" | sed -n 's/^  \(-[-a-z]*\).*/\1/p' | sed "s/\$/ $cmd/"
done | sort >"${TMPDIR:-/tmp}/help-opts.$$"
d=$(diff "${TMPDIR:-/tmp}/help-opts.$$" "${TMPDIR:-/tmp}/man-opts.$$")
# the Italian page has the same options, each for the same commands
pairs "$root/docs/man/it/coplan.1" OPZIONI >"${TMPDIR:-/tmp}/man-it-opts.$$"
di=$(diff "${TMPDIR:-/tmp}/man-opts.$$" "${TMPDIR:-/tmp}/man-it-opts.$$")
rm -f "${TMPDIR:-/tmp}/man-it-opts.$$"
if [ -z "$di" ]; then ok; else bad "coplan(1) and its Italian page disagree on the options (< English, > Italian):
$di"; fi
if [ -z "$d" ]; then ok; else bad "coplan(1) and coplan help disagree (< help, > man):
$d"; fi
n=$(wc -l <"${TMPDIR:-/tmp}/help-opts.$$")
if [ "$n" -gt 20 ]; then ok; else bad "only $n options read from coplan help"; fi
rm -f "${TMPDIR:-/tmp}/man-opts.$$" "${TMPDIR:-/tmp}/help-opts.$$"
# the examples of coplan(1) run on the shipped example (0 or 1: an answer)
tmp=$(mktemp -d)
sed -n '/^\.SH EXAMPLES/,/^\.SH /s/^\.B coplan \(.*\)/\1/p' "$root/docs/man/coplan.1" | sed 's/\\-/-/g' >"$tmp/ex"
while IFS= read -r args; do
	(cd "$root" && eval "set -- $args" && cd "$tmp" && ln -sf "$root/rules" "$root/examples" . &&
		"$bin" "$@" >/dev/null 2>&1)
	rc=$?
	if [ $rc -le 1 ]; then ok; else bad "the example 'coplan $args' exits $rc"; fi
done <"$tmp/ex"
[ -s "$tmp/ex" ] && ok || bad "no example read from coplan(1)"
rm -rf "$tmp"
finish
