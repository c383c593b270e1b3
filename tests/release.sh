#!/bin/sh
# The release artefacts: make dist's tarball builds with flex, bison and
# msgfmt out of reach (the parser, lexer and catalogue come made) and the coplan it builds
# checks the shipped example; make deb's package holds the binary, both
# man pages and the completion, depends on the libraries the binary links,
# and its coplan runs; one version in all three.
# Prints "release: N passed, M failed".
suite=release
. "$(dirname "$0")/lib.sh"
version=$("$bin" --version | awk '{ print $2 }')
build=$(dirname "$bin")
cd "$root" || exit 2
sh tools/dist.sh "$version" "$build" "$tmp" >/dev/null 2>"$tmp/err" && [ -s "$tmp/coplan-$version.tar.gz" ] && ok ||
	no "dist: no coplan-$version.tar.gz: $(head -c 300 "$tmp/err")"
mkdir "$tmp/src" && tar -C "$tmp/src" -xzf "$tmp/coplan-$version.tar.gz" && ok || no "dist: the tarball does not unpack"
for f in grammar/generated/parser.c grammar/generated/lexer.c Makefile src/cli/main.c docs/man/coplan.1; do
	[ -f "$tmp/src/coplan-$version/$f" ] && ok || no "dist: no $f in the tarball"
done
# a PATH with every tool but flex and bison
mkdir "$tmp/bin"
for t in sh cc gcc cpp as ld ar make cp mkdir rm cat sed awk tr head tail sort grep mv printf id dirname basename; do
	p=$(command -v $t) && ln -s "$p" "$tmp/bin/$t"
done
(cd "$tmp/src/coplan-$version" && PATH="$tmp/bin" make -j2 BUILD=b >"$tmp/make.out" 2>&1) && ok ||
	no "dist: the tarball does not build without flex, bison and msgfmt: $(tail -5 "$tmp/make.out")"
grep -q 'bison\|flex \|msgfmt' "$tmp/make.out" && no "dist: the build ran bison, flex or msgfmt" || ok
[ -f "$tmp/src/coplan-$version/b/locale/it/LC_MESSAGES/coplan.mo" ] && ok || no "dist: no Italian catalogue built"
"$tmp/src/coplan-$version/b/coplan" check rules/customer-operations.rules examples/customer-operations/2022-01/units.csv \
	>"$tmp/out" 2>/dev/null
[ $? = 1 ] && tail -1 "$tmp/out" | grep -q '^146 units, 32 rules: 4 errors, 9 warnings$' && ok ||
	no "dist: its coplan does not check the example: $(tail -1 "$tmp/out")"
# the package
sh tools/deb.sh "$version" "$build" "$tmp" >/dev/null 2>"$tmp/err" && ok || no "deb: $(head -c 300 "$tmp/err")"
deb=$(ls "$tmp"/coplan_"$version"_*.deb 2>/dev/null)
[ -n "$deb" ] && ok || no "deb: no coplan_${version}_ARCH.deb"
dpkg-deb -c "$deb" | awk '{ print $6 }' >"$tmp/files"
for f in ./usr/bin/coplan ./usr/share/man/man1/coplan.1.gz ./usr/share/man/man5/coplan-rules.5.gz \
	./usr/share/bash-completion/completions/coplan ./usr/share/doc/coplan/copyright \
	./usr/share/locale/it/LC_MESSAGES/coplan.mo ./usr/share/man/it/man1/coplan.1.gz; do
	grep -qx "$f" "$tmp/files" && ok || no "deb: no $f"
done
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] && ok || no "deb: version $(dpkg-deb -f "$deb" Version), not $version"
deps=$(dpkg-deb -f "$deb" Depends)
for p in libc6 libglpk40 libxlsxwriter; do
	case "$deps" in *"$p"*) ok ;; *) no "deb: Depends '$deps' lacks $p" ;; esac
done
dpkg-deb -x "$deb" "$tmp/root" && [ "$("$tmp/root/usr/bin/coplan" --version)" = "coplan $version" ] && ok ||
	no "deb: its coplan does not run"
# the catalogue found where the package puts it, the binary's prefix
LANG=it_IT.UTF-8 LC_ALL= "$tmp/root/usr/bin/coplan" help | grep -q '^uso:' && ok ||
	no "deb: its coplan does not find its Italian catalogue"
# and where make install puts it
make -s -C "$root" install BUILD="$build" PREFIX="$tmp/prefix" >/dev/null 2>"$tmp/err" &&
	LANG=it_IT.UTF-8 LC_ALL= "$tmp/prefix/bin/coplan" help | grep -q '^uso:' && ok ||
	no "make install: its coplan does not find its Italian catalogue $(head -3 "$tmp/err")"
finish
