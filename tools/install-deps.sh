#!/bin/sh
# Installs what building (flex, bison, gettext's msgfmt for the Italian
# catalogue, GLPK's and libxlsxwriter's headers)
# or testing (cmocka; xmllint, jq and python3-jsonschema to validate the
# JUnit and SARIF reports; python3-yaml and git to run the pipelines of
# the staffing repository template; groff for the man pages; python3-openpyxl to
# read the workbooks back; chromium to load the html pages) needs, when
# missing: apt-get as root, sudo otherwise, else says what to install.
# The one place installing happens: `make deps` and `make deps-test`
# run it, and so does .ci/run.  Usage: install-deps.sh build|test
need=""
case "$1" in
build)
	if [ ! -f grammar/generated/parser.c ]; then	# a release tarball has them made
		command -v flex >/dev/null 2>&1 || need="$need flex"
		command -v bison >/dev/null 2>&1 || need="$need bison"
	fi
	[ -f po/generated/it.mo ] || command -v msgfmt >/dev/null 2>&1 || need="$need gettext"
	printf '#include <glpk.h>\n' | ${CC:-cc} -E -x c - >/dev/null 2>&1 || need="$need libglpk-dev"
	printf '#include <xlsxwriter.h>\n' | ${CC:-cc} -E -x c - >/dev/null 2>&1 || need="$need libxlsxwriter-dev"
	;;
test)
	printf '#include <stdarg.h>\n#include <stddef.h>\n#include <setjmp.h>\n#include <stdint.h>\n#include <cmocka.h>\n' |
		${CC:-cc} -E -x c - >/dev/null 2>&1 || need="$need libcmocka-dev"
	command -v xmllint >/dev/null 2>&1 || need="$need libxml2-utils"
	command -v jq >/dev/null 2>&1 || need="$need jq"
	python3 -c 'import jsonschema' >/dev/null 2>&1 || need="$need python3-jsonschema"
	python3 -c 'import yaml' >/dev/null 2>&1 || need="$need python3-yaml"
	command -v git >/dev/null 2>&1 || need="$need git"
	command -v groff >/dev/null 2>&1 || need="$need groff-base"
	python3 -c 'import openpyxl' >/dev/null 2>&1 || /usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 ||
		need="$need python3-openpyxl"
	command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need="$need chromium"
	;;
esac
[ -z "$need" ] && exit 0
echo "coplan: installing$need"
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "coplan: please install$need (as root: apt-get install$need)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# another apt or dpkg at work (an unattended upgrade, a second make): wait
# for it, up to 10 minutes, rather than fail
wait="-o DPkg::Lock::Timeout=600"
$sudo apt-get $wait update -qq >/dev/null && $sudo apt-get $wait install -y -qq $need >/dev/null || {
	echo "coplan: could not install$need; install them and run make again" >&2
	exit 1
}
