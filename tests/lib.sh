# tests/lib.sh: what every shell suite starts with.  A suite sets its
# name and sources this file:
#	suite=NAME
#	. "$(dirname "$0")/lib.sh"
# and then has $bin (the coplan named by its first argument, made
# absolute), $root (the repository), $tmp (a folder removed at exit),
# ok, no MESSAGE (bad is the same), and finish, its last line, which
# prints "NAME: N passed, M failed" and exits 1 when one failed.
# the messages as the expected outputs have them: English, whatever the
# environment asks (the Italian cases set their own locale)
unset LANGUAGE
LC_ALL=C.UTF-8
export LC_ALL
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL $suite: $*"; }
bad() { no "$@"; }
finish() { echo "$suite: $pass passed, $fail failed"; [ "$fail" = 0 ]; }
