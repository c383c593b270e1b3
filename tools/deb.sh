#!/bin/sh
# make deb: coplan_VERSION_ARCH.deb, built with dpkg-deb from the binary
# of BUILD: /usr/bin/coplan, both man pages (gzipped), the bash
# completion, the Italian catalogue, the copyright; Depends: the Debian packages of the shared
# libraries the binary links.  Usage: deb.sh VERSION BUILD [OUTDIR]
set -e
version=$1 build=$2
root=$(cd "$(dirname "$0")/.." && pwd)
arch=$(dpkg --print-architecture)
out=${3:-.}/coplan_${version}_$arch.deb
pkg=$build/deb
rm -rf "$pkg"
mkdir -p "$pkg/DEBIAN" "$pkg/usr/bin" "$pkg/usr/share/man/man1" "$pkg/usr/share/man/man5" \
	"$pkg/usr/share/bash-completion/completions" "$pkg/usr/share/doc/coplan"
install -m 755 "$build/coplan" "$pkg/usr/bin/coplan"
strip --strip-unneeded "$pkg/usr/bin/coplan" 2>/dev/null || true
gzip -9n <"$root/docs/man/coplan.1" >"$pkg/usr/share/man/man1/coplan.1.gz"
gzip -9n <"$root/docs/man/coplan-rules.5" >"$pkg/usr/share/man/man5/coplan-rules.5.gz"
mkdir -p "$pkg/usr/share/man/it/man1"
gzip -9n <"$root/docs/man/it/coplan.1" >"$pkg/usr/share/man/it/man1/coplan.1.gz"
install -m 644 "$root/editors/bash/coplan" "$pkg/usr/share/bash-completion/completions/coplan"
mkdir -p "$pkg/usr/share/locale/it/LC_MESSAGES"
install -m 644 "$build/locale/it/LC_MESSAGES/coplan.mo" "$pkg/usr/share/locale/it/LC_MESSAGES/coplan.mo"
cat >"$pkg/usr/share/doc/coplan/copyright" <<EOC
coplan: staffing rules for operating centres, checked and planned.
Copyright: the coplan authors.
License: GPL-3.0-or-later (/usr/share/common-licenses/GPL-3).
EOC
# each shared library the binary itself names (NEEDED), by the package
# that holds it; what those need, their own packages depend on
needed=$(objdump -p "$build/coplan" | awk '$1 == "NEEDED" { print $2 }')
deps=$(for n in $needed; do
	lib=$(ldd "$build/coplan" | awk -v n="$n" '$1 == n { print $3 }')
	[ -n "$lib" ] && { dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null; }
done | cut -d: -f1 | sort -u | paste -sd, - | sed 's/,/, /g')
size=$(du -sk "$pkg/usr" | cut -f1)
cat >"$pkg/DEBIAN/control" <<EOC
Package: coplan
Version: $version
Architecture: $arch
Maintainer: coplan authors <coplan@localhost>
Installed-Size: $size
Depends: $deps
Section: utils
Priority: optional
Description: staffing rules for operating centres, checked and planned
 coplan reads staffing standards written as rules ("a tutor per 12 to 18
 operators") and an organisation as a table of units, reports every unit
 and role that breaks a standard (text, json, SARIF, JUnit, html, xlsx),
 and proposes the staffing that meets them with the fewest changes.
EOC
dpkg-deb --root-owner-group --build "$pkg" "$out" >/dev/null
rm -rf "$pkg"
echo "$out"
