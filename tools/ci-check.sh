#!/bin/sh
# The check a pipeline runs: a staffing repository's units against its
# rules, only what is new failing.  The GitHub Action (action.yml) runs
# it, and so does the GitLab template (examples/staffing-repo/), from
# the release tarball.  Settings, from the environment:
#   COPLAN_RULES, COPLAN_UNITS   the rules file and the units table
#   COPLAN_ROSTER                a roster to count staff from (optional)
#   COPLAN_ARGS                  more check options, split at spaces
#   COPLAN_BASELINE              an earlier check's json report; when
#                                missing or empty, the findings of
#   COPLAN_BASELINE_REF          this git revision (its rules on its
#                                units) are the baseline; neither: none,
#                                and every error counts
#   COPLAN_FORMAT                the log's report: github (annotations,
#                                the default) or text
#   COPLAN_SARIF, COPLAN_JUNIT, COPLAN_CODEQUALITY, COPLAN_SUMMARY,
#   COPLAN_FINDINGS              where the sarif, junit, codequality
#                                (GitLab), markdown and json reports go
#                                ('' for none; by default sarif,
#                                markdown and json); the json is the
#                                next run's baseline
#   COPLAN_FAIL                  false: exit 0 whatever the findings
# The summary goes to $GITHUB_STEP_SUMMARY too when there is one, the
# counts to $GITHUB_OUTPUT (exit-code, errors, warnings, new, worse,
# fixed, baseline).  Exit: check's (0, 1 a finding fails, 2 the rules or
# data cannot be used), or 0 with COPLAN_FAIL=false.
set -uf	# no globbing: COPLAN_ARGS is split at spaces only
coplan=${COPLAN:-coplan}
rules=${COPLAN_RULES:?COPLAN_RULES names the rules file} units=${COPLAN_UNITS:?COPLAN_UNITS names the units table}
tmp=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/coplan-ci.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
summary=${COPLAN_SUMMARY-coplan-summary.md}

# the data arguments, the same for this tree and the baseline's
set -- "$rules" "$units"
[ -n "${COPLAN_ROSTER:-}" ] && set -- "$@" --roster "$COPLAN_ROSTER"
# shellcheck disable=SC2086 # more options, split as a command line
set -- "$@" ${COPLAN_ARGS:-}

# The baseline: a report kept from an earlier run, else the findings of
# a revision, checked in a worktree of its own
baseline="" said=""
if [ -n "${COPLAN_BASELINE:-}" ] && [ -s "$COPLAN_BASELINE" ]; then
	baseline=$COPLAN_BASELINE said="the findings of an earlier run ($COPLAN_BASELINE)"
elif [ -n "${COPLAN_BASELINE_REF:-}" ]; then
	ref=$COPLAN_BASELINE_REF
	if [ -z "$(printf '%s' "$ref" | tr -d 0)" ]; then
		echo "coplan: nothing before this push: no baseline, every error counts"
	elif ! git rev-parse -q --verify "$ref^{commit}" >/dev/null 2>&1; then
		echo "coplan: no commit '$ref' in this clone (fetch it, or fetch-depth: 0): no baseline, every error counts"
	elif git worktree add -q --detach "$tmp/base" "$ref" >/dev/null 2>&1; then
		(cd "$tmp/base" && "$coplan" check "$@" --format json -o "$tmp/baseline.json")
		rc=$?
		git worktree remove --force "$tmp/base" >/dev/null 2>&1
		if [ $rc -le 1 ]; then
			baseline=$tmp/baseline.json said="the findings of $ref"
		else
			echo "coplan: the rules or units of '$ref' cannot be checked (above): no baseline, every error counts"
		fi
	else
		echo "coplan: cannot check out '$ref': no baseline, every error counts"
	fi
else
	echo "coplan: no baseline: every error counts"
fi
[ -n "$baseline" ] && echo "coplan: baseline: $said"

[ -n "$baseline" ] && set -- "$@" --baseline "$baseline"
set -- "$@" --format "${COPLAN_FORMAT:-github}"
for r in "sarif=${COPLAN_SARIF-coplan.sarif}" "junit=${COPLAN_JUNIT-}" "codequality=${COPLAN_CODEQUALITY-}" \
	"markdown=$summary" \
	"json=${COPLAN_FINDINGS-coplan-findings.json}"; do
	[ -n "${r#*=}" ] && set -- "$@" --report "$r"
done
"$coplan" check "$@"
rc=$?
[ $rc -gt 2 ] && rc=2	# killed, or no coplan to run

# The summary, in every case: the report, or why there is none
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
	if [ $rc -le 1 ] && [ -n "$summary" ] && [ -f "$summary" ]; then
		cat "$summary"
		[ -n "$baseline" ] || printf '\nNo baseline: every error counts.\n'
	else
		printf '### coplan check\n\nThe rules or the units could not be checked: the log of this step says why.\n'
	fi >>"$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
	counts=""
	findings=${COPLAN_FINDINGS-coplan-findings.json}
	[ $rc -le 1 ] && [ -n "$findings" ] && [ -f "$findings" ] &&
		counts=$(sed -n 's/^  "summary": {\(.*\)},*$/\1/p' "$findings")
	{
		echo "exit-code=$rc"
		for k in errors warnings new worse fixed; do
			v=$(printf '%s\n' "$counts" | tr ',' '\n' | sed -n "s/^ *\"$k\": *\([0-9]*\)$/\1/p")
			echo "$k=${v:-}"
		done
		echo "baseline=${baseline:+$said}"
	} >>"$GITHUB_OUTPUT"
fi
[ "${COPLAN_FAIL:-true}" = false ] && [ $rc -eq 1 ] && exit 0
exit $rc
