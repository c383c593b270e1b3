#!/bin/sh
# Checks the machine-read reports of `coplan check` beyond their golden
# text: the JUnit report parses as XML and counts what it holds; the SARIF
# report has what GitHub code scanning requires; the JSON report parses.
# Prints "formats: N passed, M failed".
suite=formats
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)

cd "$here/cli/check-format-text" || exit 1
for f in junit sarif json; do
	"$bin" check main.rules units.csv --format $f >"$tmp/report.$f"
	[ $? = 1 ] && ok || no "$f exit status"
done

# JUnit: well-formed, and the counts add up
if xmllint --noout "$tmp/report.junit" 2>"$tmp/err"; then ok; else no "junit is not XML: $(cat "$tmp/err")"; fi
tests=$(xmllint --xpath 'string(/testsuites/@tests)' "$tmp/report.junit")
cases=$(xmllint --xpath 'count(//testcase)' "$tmp/report.junit")
[ "$tests" = "$cases" ] && [ "$cases" -gt 0 ] && ok || no "junit tests=$tests, testcases=$cases"
failures=$(xmllint --xpath 'count(//failure)' "$tmp/report.junit")
errors=$(jq '.summary.errors' "$tmp/report.json")
[ "$failures" = "$errors" ] && ok || no "junit failures=$failures, json errors=$errors"

# SARIF: the fields GitHub reads
jq -e '.version == "2.1.0" and (.runs | length) == 1 and .runs[0].tool.driver.name == "coplan"' \
	"$tmp/report.sarif" >/dev/null && ok || no "sarif version, runs, driver name"
jq -e '.runs[0] as $r | ($r.tool.driver.rules | map(.id)) as $ids |
	($r.results | length) > 0 and
	all($r.results[]; (.ruleId | type) == "string" and
		$ids[.ruleIndex] == .ruleId and
		(.message.text | length) > 0 and
		(.level == "error" or .level == "warning") and
		(.locations[0].physicalLocation.artifactLocation.uri | length) > 0 and
		.locations[0].physicalLocation.region.startLine >= 1 and
		(.partialFingerprints | length) > 0)' "$tmp/report.sarif" >/dev/null && ok ||
	no "sarif results lack a field GitHub requires"
jq -e '[.runs[0].results[].partialFingerprints["coplanFinding/v1"]] | length == (unique | length)' \
	"$tmp/report.sarif" >/dev/null && ok || no "sarif fingerprints are not distinct"
# stable: the same findings give the same fingerprints
"$bin" check main.rules units.csv --format sarif >"$tmp/again.sarif"
cmp -s "$tmp/report.sarif" "$tmp/again.sarif" && ok || no "sarif differs between two runs"

# SARIF: valid against the official 2.1.0 schema (tests/vendor), for this
# case and the shipped example; each result on a row of the units table,
# the rule's line a related location
sarif_valid() {
	python3 -c 'import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.validate(json.load(open(sys.argv[2])), schema)' "$here/vendor/sarif-schema-2.1.0.json" "$1" 2>"$tmp/err"
}
sarif_valid "$tmp/report.sarif" && ok || no "sarif is not valid SARIF 2.1.0: $(tail -3 "$tmp/err")"
(cd "$here/.." && "$bin" check rules/customer-operations.rules examples/customer-operations/units.csv \
	--format sarif >"$tmp/example.sarif" 2>/dev/null)
sarif_valid "$tmp/example.sarif" && ok || no "the example's sarif is not valid SARIF 2.1.0: $(tail -3 "$tmp/err")"
jq -e '(.runs[0].results | length) > 0 and all(.runs[0].results[];
	.locations[0].physicalLocation.artifactLocation.uri == "examples/customer-operations/units.csv" and
	.locations[0].physicalLocation.artifactLocation.uriBaseId == "%SRCROOT%" and
	.relatedLocations[0].physicalLocation.artifactLocation.uri == "rules/customer-operations.rules")' \
	"$tmp/example.sarif" >/dev/null && ok || no "the example's sarif results are not on units.csv rows"
# with a baseline and waivers: baselineState and suppressions, still valid
printf 'unit,role,rule,until,reason\nCAB_MI,tutor,,2099-12-31,the tutor is being hired\n' >"$tmp/waivers.csv"
(cd "$here/.." && "$bin" check rules/customer-operations.rules examples/customer-operations/units.csv \
	--format json -o "$tmp/base.json" 2>/dev/null; "$bin" check rules/customer-operations.rules \
	examples/customer-operations/2022-01/units.csv --baseline "$tmp/base.json" --waivers "$tmp/waivers.csv" \
	--format sarif >"$tmp/marked.sarif" 2>/dev/null)
sarif_valid "$tmp/marked.sarif" && ok || no "the sarif with a baseline and waivers is not valid SARIF 2.1.0: $(tail -3 "$tmp/err")"
jq -e '[.runs[0].results[] | .baselineState] | (index("new") != null) and (index("unchanged") != null)' \
	"$tmp/marked.sarif" >/dev/null && ok || no "the sarif results lack their baselineState"
jq -e '[.runs[0].results[] | select(.suppressions) | .suppressions[0].justification] ==
	["the tutor is being hired (until 2099-12-31)"]' "$tmp/marked.sarif" >/dev/null && ok ||
	no "the waived sarif result lacks its suppression"
# each result's line is the row of its unit
jq -r '.runs[0].results[] | "\(.properties.unit) \(.locations[0].physicalLocation.region.startLine)"' \
	"$tmp/example.sarif" | while read -r unit line; do
	[ "$(sed -n "${line}p" "$here/../examples/customer-operations/units.csv" | cut -d, -f1)" = "$unit" ] || echo "$unit $line"
done >"$tmp/misplaced"
[ ! -s "$tmp/misplaced" ] && ok || no "sarif results on the wrong rows: $(head -3 "$tmp/misplaced")"

# JUnit with --fail-on warning: every warning a failure, as the exit says
"$bin" check main.rules units.csv --format junit --fail-on warning >"$tmp/strict.junit"
failures=$(xmllint --xpath 'string(/testsuites/@failures)' "$tmp/strict.junit")
all=$(jq '.summary.errors + .summary.warnings + (.warnings | length)' "$tmp/report.json")
[ "$failures" = "$all" ] && ok || no "junit --fail-on warning failures=$failures, findings and warnings=$all"

# GitLab Code Quality: the fields GitLab reads, one issue per finding not
# waived, on its unit's row, fingerprints distinct and the same run to run
(cd "$here/.." && "$bin" check rules/customer-operations.rules examples/customer-operations/2022-01/units.csv \
	--waivers "$tmp/waivers.csv" --report codequality="$tmp/cq.json" --report json="$tmp/cq-check.json" 2>/dev/null)
jq -e 'type == "array" and length > 0 and all(.[]; (.description | type) == "string" and (.check_name | type) == "string"
	and (.fingerprint | test("^[0-9a-f]{16}$")) and (.severity | IN("info", "minor", "major", "critical", "blocker"))
	and (.location.path | type) == "string" and (.location.lines.begin | type) == "number")' "$tmp/cq.json" >/dev/null &&
	ok || no "codequality issues lack a field GitLab requires"
jq -e '(map(.fingerprint) | unique | length) == length' "$tmp/cq.json" >/dev/null && ok || no "codequality fingerprints repeat"
[ "$(jq '[.[] | select(.severity == "major")] | length' "$tmp/cq.json")" = "$(jq '[.findings[] | select(.severity == "error" and (has("waived") | not))] | length' "$tmp/cq-check.json")" ] &&
	[ "$(jq '[.[] | select(.severity == "minor")] | length' "$tmp/cq.json")" = "$(jq '[.findings[] | select(.severity == "warning" and (has("waived") | not))] | length' "$tmp/cq-check.json")" ] &&
	ok || no "codequality: not one issue per finding not waived"
jq -r '.[] | select(.severity != "info") | "\(.description | split(":")[0]) \(.location.lines.begin) \(.location.path)"' "$tmp/cq.json" |
	while read -r unit line path; do
	[ "$path" = examples/customer-operations/2022-01/units.csv ] &&
		[ "$(sed -n "${line}p" "$here/../$path" | cut -d, -f1)" = "$unit" ] || echo "$unit $line $path"
done >"$tmp/misplaced"
[ ! -s "$tmp/misplaced" ] && ok || no "codequality issues on the wrong rows: $(head -3 "$tmp/misplaced")"
(cd "$here/.." && "$bin" check rules/customer-operations.rules examples/customer-operations/2022-01/units.csv \
	--waivers "$tmp/waivers.csv" --format codequality 2>/dev/null) | cmp -s - "$tmp/cq.json" && ok ||
	no "codequality differs between two runs"

# JSON: findings sorted by unit, then role
jq -e '[.findings[] | [.unit, .role]] | . == sort' "$tmp/report.json" >/dev/null && ok ||
	no "json findings are not sorted"

finish
