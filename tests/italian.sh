#!/bin/sh
# coplan in Italian: the catalogue holds every message of the code
# (po/coplan.pot is what `make pot` extracts now) and po/it.po
# translates each, with the same printf conversions; the locale chooses
# the language (LANG=it_IT.UTF-8 even where that locale is not
# installed, LANGUAGE=it, and LANG=C English whatever LANGUAGE says);
# the machine formats keep their keys, values and headers in any
# language, only the messages people read change; numbers read by
# people are written the Italian way.
# Prints "italian: N passed, M failed".
suite=italian
. "$(dirname "$0")/lib.sh"
cd "$root" || exit 2
# the catalogue is the code's
make -s pot POT="$tmp/now.pot" >/dev/null 2>"$tmp/err" || no "make pot: $(head -3 "$tmp/err")"
ids() { sed -n '/^msgid\|^msgid_plural\|^"/p' "$1" | sed '1,/^msgid ""/d' | sed '/^"[A-Z][-A-Za-z]*: /d'; }
ids po/coplan.pot >"$tmp/a"
ids "$tmp/now.pot" >"$tmp/b"
if cmp -s "$tmp/a" "$tmp/b"; then ok; else no "po/coplan.pot is not what the code says (make pot, then msgmerge po/it.po): $(diff "$tmp/a" "$tmp/b" | head -6)"; fi
# every message translated, with its conversions
stats=$(msgfmt --check --statistics -o /dev/null po/it.po 2>&1)
case "$stats" in *" translated messages."*) ok ;; *) no "po/it.po: $stats" ;; esac
case "$stats" in *untranslated*|*fuzzy*) no "po/it.po: $stats" ;; *) ok ;; esac
[ "$(grep -c '^msgid ' po/it.po)" = "$(grep -c '^msgid ' po/coplan.pot)" ] && ok || no "po/it.po and po/coplan.pot hold different messages"
# the locale chooses
r=rules/customer-operations.rules u=examples/customer-operations/units.csv
unset LC_ALL
say() { env -u LC_ALL -u LANGUAGE -u LANG -u LC_MESSAGES "$@" "$bin" check "$r" "$u" 2>&1 | tail -1; }
en='146 units, 32 rules: 0 errors, 2 warnings'
it='146 unità, 32 regole: 0 errori, 2 avvisi'
[ "$(say LANG=it_IT.UTF-8)" = "$it" ] && ok || no "LANG=it_IT.UTF-8: $(say LANG=it_IT.UTF-8)"
[ "$(say LC_MESSAGES=it_IT.UTF-8)" = "$it" ] && ok || no "LC_MESSAGES=it_IT.UTF-8 is not Italian"
[ "$(say LANGUAGE=it)" = "$it" ] && ok || no "LANGUAGE=it alone is not Italian"
[ "$(say LANG=C.UTF-8 LANGUAGE=it)" = "$it" ] && ok || no "LANG=C.UTF-8 LANGUAGE=it is not Italian"
[ "$(say LANG=C LANGUAGE=it)" = "$en" ] && ok || no "LANG=C with LANGUAGE=it is not English"
[ "$(say LANG=de_DE.UTF-8)" = "$en" ] && ok || no "LANG=de_DE.UTF-8 is not English"
[ "$(say)" = "$en" ] && ok || no "no locale at all is not English"
LC_ALL=C.UTF-8
export LC_ALL
# machine formats: the same but for the messages people read
for f in json sarif codequality csv junit; do
	"$bin" check "$r" examples/customer-operations/2022-01/units.csv --format $f >"$tmp/en.$f" 2>/dev/null
	LANGUAGE=it "$bin" check "$r" examples/customer-operations/2022-01/units.csv --format $f >"$tmp/it.$f" 2>/dev/null
	case $f in
	json) strip='del(.. | .message?)' ;;
	sarif) strip='del(.. | .message?) | del(.runs[].tool.driver.rules[].shortDescription, .runs[].tool.driver.rules[].fullDescription)' ;;
	codequality) strip='del(.[].description)' ;;
	esac
	case $f in
	csv) a=$(cut -d, -f1-10 "$tmp/en.csv") b=$(cut -d, -f1-10 "$tmp/it.csv") ;;
	junit) a=$(sed 's/message="[^"]*"//; s/>[^<]*</></g' "$tmp/en.junit") b=$(sed 's/message="[^"]*"//; s/>[^<]*</></g' "$tmp/it.junit") ;;
	*) a=$(jq -S "$strip" "$tmp/en.$f") b=$(jq -S "$strip" "$tmp/it.$f") ;;
	esac
	if [ -n "$a" ] && [ "$a" = "$b" ]; then ok; else no "$f differs in Italian beyond its messages"; fi
	cmp -s "$tmp/en.$f" "$tmp/it.$f" && no "$f: no message in Italian" || ok
done
[ "$(head -1 "$tmp/en.csv")" = "$(head -1 "$tmp/it.csv")" ] && ok || no "the CSV header changes with the language"
# numbers for people: 7,5 and 1.040 in Italian text, 7.5 and 1040 in json
printf 'role tutor grade B\nrole operatore grade C\nshould rule span: 1 tutor per 10 operatore\n' >"$tmp/r.rules"
printf 'id,name,tutor,operatore\nA,Alpha,7.5,1040\n' >"$tmp/u.csv"
LANGUAGE=it "$bin" check "$tmp/r.rules" "$tmp/u.csv" >"$tmp/it.txt" 2>&1
grep -q '^avviso: A: tutor: 7,5, fabbisogno 104 (1 tutor per 10 operatore) \[span, ' "$tmp/it.txt" && ok ||
	no "Italian text numbers: $(head -1 "$tmp/it.txt")"
LANGUAGE=it "$bin" check "$tmp/r.rules" "$tmp/u.csv" --format json | grep -q '"actual": 7.5, "min": 104' && ok ||
	no "json numbers change in Italian"
LANGUAGE=it "$bin" plan "$tmp/r.rules" "$tmp/u.csv" >"$tmp/plan.txt" 2>&1
grep -q '1\.040' "$tmp/plan.txt" && ok || no "the Italian plan table does not group thousands: $(cat "$tmp/plan.txt" | head -5)"
# the html page says its language
LANGUAGE=it "$bin" check "$r" "$u" --format html | grep -q '<html lang="it">' && ok || no "the Italian page is not lang=it"
"$bin" check "$r" "$u" --format html | grep -q '<html lang="en">' && ok || no "the English page is not lang=en"
finish
