#!/bin/sh
# Editor support and shell completion: the Vim syntax and the TextMate
# grammar know every keyword of the lexer and every name and function the
# language has built in, and with them every such word the repository's
# rules files use; the grammar is valid JSON; the bash completion offers
# each command exactly the options `coplan help COMMAND` lists.
# Prints "editors: N passed, M failed".
suite=editors
. "$(dirname "$0")/lib.sh"
vim=$root/editors/vim/syntax/coplan.vim
tm=$root/editors/textmate/coplan.tmLanguage.json
# the language's words: the lexer's keywords, the built-in names and functions
words=$( { sed -n 's/.*{"\([a-z]*\)", [A-Z]*}.*/\1/p; s/.*}, {"\([a-z]*\)", [A-Z]*}.*/\1/p' "$root/grammar/lexer.l"
	grep -o '{"[a-z]*", [A-Z]*}' "$root/grammar/lexer.l" | sed 's/{"\([a-z]*\)".*/\1/'
	sed -n 's/^\t{"\([a-z]*\)", FN_.*/\1/p' "$root/src/front/builtins.c"
	sed -n '/builtin_values\[\] = {/,/};/p' "$root/src/front/builtins.c" | grep -o '"[a-z]*"' | tr -d '"'; } | sort -u)
n=$(echo "$words" | wc -w)
if [ "$n" -ge 40 ]; then ok; else bad "only $n words of the language found"; fi
missing() {	# words of $2 not in file $1
	for w in $2; do
		grep -q "\\b$w\\b" "$1" || printf ' %s' "$w"
	done
}
m=$(missing "$vim" "$words")
if [ -z "$m" ]; then ok; else bad "the Vim syntax misses:$m"; fi
m=$(missing "$tm" "$words")
if [ -z "$m" ]; then ok; else bad "the TextMate grammar misses:$m"; fi
# every such word the rules files of the repository use
used=$(cd "$root" && git ls-files '*.rules' | xargs cat 2>/dev/null | sed 's/#.*//; s/"[^"]*"//g' |
	tr -c 'a-z_' '\n' | sort -u)
inuse=$(for w in $used; do echo "$words" | grep -qx "$w" && echo "$w"; done)
m=$(missing "$vim" "$inuse")$(missing "$tm" "$inuse")
if [ -n "$inuse" ] && [ -z "$m" ]; then ok; else bad "words the rules files use, missed:$m"; fi
if python3 -m json.tool "$tm" >/dev/null 2>&1; then ok; else bad "the TextMate grammar is not JSON"; fi
# bash completion against coplan help
for cmd in check plan explain test lint fmt; do
	want=$("$bin" help "$cmd" | sed -n 's/^  \(-[-a-z]*\).*/\1/p' | sort | tr '\n' ' ')
	got=$(bash -c ". '$root/editors/bash/coplan'; COMP_WORDS=(coplan $cmd -); COMP_CWORD=2; _coplan; printf '%s\n' \"\${COMPREPLY[@]}\"" | sort | tr '\n' ' ')
	if [ "$want" = "$got" ]; then ok; else bad "completion of '$cmd -': $got; help lists $want"; fi
done
# the formats it offers, against those coplan takes (its error lists them)
for cmd in check plan diff test; do
	files="a b"
	[ "$cmd" = diff ] && files="a b c"
	want=$("$bin" "$cmd" $files --format bogus 2>&1 | sed -n "s/.*the formats are \(.*\) (see.*/\1/p" |
		sed 's/,//g; s/ and / /' | tr ' ' '\n' | sort | tr '\n' ' ')
	got=$(bash -c ". '$root/editors/bash/coplan'; COMP_WORDS=(coplan $cmd --format ''); COMP_CWORD=3; _coplan; printf '%s\n' \"\${COMPREPLY[@]}\"" | sort | tr '\n' ' ')
	if [ -n "$want" ] && [ "$want" = "$got" ]; then ok; else bad "formats of '$cmd': completion $got; coplan takes $want"; fi
	[ "$cmd" = diff ] && continue	# diff has no --report
	got=$(bash -c ". '$root/editors/bash/coplan'; COMP_WORDS=(coplan $cmd --report ''); COMP_CWORD=3; _coplan; printf '%s\n' \"\${COMPREPLY[@]}\"" | tr -d = | sort | tr '\n' ' ')
	if [ "$want" = "$got" ]; then ok; else bad "--report formats of '$cmd': completion $got; coplan takes $want"; fi
done
finish
