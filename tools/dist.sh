#!/bin/sh
# make dist: coplan-VERSION.tar.gz, the files git tracks with the parser
# and lexer already made (grammar/generated/), and the Italian catalogue
# (po/generated/it.mo): the Makefile then needs neither bison, flex nor
# msgfmt.  Usage: dist.sh VERSION BUILD [OUTDIR]
set -e
version=$1 build=$(cd "$2" && pwd)
name=coplan-$version
root=$(cd "$(dirname "$0")/.." && pwd)
outdir=$(cd "${3:-$root}" && pwd)
stage=$build/dist
rm -rf "$stage"
mkdir -p "$stage/$name/grammar/generated"
cd "$root"
git ls-files -z | xargs -0 tar -cf - | tar -xf - -C "$stage/$name"
cp "$build/parser.c" "$build/parser.h" "$build/lexer.c" "$build/lexer.h" "$stage/$name/grammar/generated/"
mkdir -p "$stage/$name/po/generated"
cp "$build/locale/it/LC_MESSAGES/coplan.mo" "$stage/$name/po/generated/it.mo"
tar -C "$stage" -czf "$outdir/$name.tar.gz" "$name"
rm -rf "$stage"
echo "$outdir/$name.tar.gz"
