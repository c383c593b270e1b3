#!/bin/sh
# The template of a staffing repository (examples/staffing-repo/) in
# the pipelines it ships, run as GitHub's and GitLab's runners would
# (tests/ci/runner.py): a temporary git repository with a main branch
# and pull requests off it; the action (action.yml) installing coplan
# from this tree, GitLab building it from `make dist`'s tarball; each
# run's status, annotations, summary, uploads and reports checked.
# Runs: the first push (no baseline: the error already there fails), a
# second push (the commit before is the baseline: green), a pull request
# adding an error (red, annotated on its data row), one fixing the error
# (green, "1 fixed"), one breaking a rule test (red, the JUnit uploaded,
# the check still run), and a push with no findings; on GitLab, a merge
# request adding an error (both jobs), one breaking a rule test, one
# fixing, a push after a merge.  With KEEP=DIR the logs stay in DIR.
# Prints "staffing-repo: N passed, M failed".
suite=staffing-repo
. "$(dirname "$0")/lib.sh"
version=$("$bin" --version | awk '{ print $2 }')
runner="$root/tests/ci/runner.py"
export GIT_AUTHOR_NAME=analyst GIT_AUTHOR_EMAIL=analyst@example.org GIT_COMMITTER_NAME=analyst \
	GIT_COMMITTER_EMAIL=analyst@example.org GIT_CONFIG_NOSYSTEM=1 HOME="$tmp"
git config --global init.defaultBranch main
git config --global advice.detachedHead false
# the runners' PATH: the system's, with no coplan on it
path=""
for d in /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin; do
	[ -e "$d/coplan" ] || path="$path${path:+:}$d"
done

# the repository: the template, committed on main; the "server" a bare clone
repo=$tmp/repo
cp -R "$root/examples/staffing-repo" "$repo"
git -C "$repo" init -q && git -C "$repo" add -A && git -C "$repo" commit -qm "Staffing standards and units"
git clone -q --bare "$repo" "$tmp/origin.git"
git -C "$repo" remote add origin "$tmp/origin.git"
sha() { git -C "$repo" rev-parse "$1"; }
first=$(sha main)
# the action as a runner downloads it: the repository at its tag
mkdir "$tmp/action"
(cd "$root" && cp -R action.yml Makefile src grammar tools "$tmp/action/")

# change BRANCH FROM MESSAGE SED-SCRIPT FILE: a commit on a new branch, pushed
change() {
	git -C "$repo" checkout -q -b "$1" "$2"
	sed -i "$4" "$repo/$5"
	git -C "$repo" commit -qam "$3"
	git -C "$repo" push -q origin "$1"
}
# gh NAME EVENT REF [BASE] [BEFORE]: a GitHub run of REF's head; 0 passed
n=0
gh() {
	n=$((n + 1))
	PATH=$path python3 "$runner" github "$repo/.github/workflows/coplan.yml" --remote "$tmp/origin.git" \
		--sha "$(sha "$3")" --event "$2" --ref "$3" ${4:+--base "$4"} ${5:+--before "$5"} --action "$tmp/action" \
		--work "$tmp/gh-ws" --cache "$tmp/gh-cache" --result "$tmp/$1.json" --run-id $n >"$tmp/$1.log" 2>&1
}
# gl NAME JOB EVENT REF [BASE] [BEFORE]: a GitLab job of REF's head
gl() {
	PATH=$path python3 "$runner" gitlab "$repo/.gitlab-ci.yml" --remote "$tmp/origin.git" --sha "$(sha "$4")" \
		--event "$3" --ref "$4" ${5:+--base "$5"} ${6:+--before "$6"} --job "$2" --work "$tmp/gl-ws" \
		--cache "$tmp/gl-cache" --result "$tmp/$1.json" --var "COPLAN_URL=file://$tmp/coplan-$version.tar.gz" \
		>"$tmp/$1.log" 2>&1
}
# is NAME WHAT JQ-FILTER: the run's result says it (the filter is true)
is() {
	if jq -e "$3" "$tmp/$1.json" >/dev/null 2>&1; then ok; else
		no "$1: $2 (not $3)"
		sed -n '1,400p' "$tmp/$1.log" | grep -v '^ ' | tail -25
	fi
}
logs() {	# logs NAME WHAT PATTERN: the job's log has a line matching PATTERN
	grep -q -- "$3" "$tmp/$1.log" && ok || no "$1: $2: no line '$3' in its log"
}

# the template names this coplan's version, the one place it comes from
grep -q "uses: coplan/coplan@v$version\$" "$repo/.github/workflows/coplan.yml" && ok ||
	no "the workflow uses an action of another version than $version"
grep -q "COPLAN_VERSION: \"$version\"" "$repo/.gitlab-ci.yml" && ok || no "the GitLab template is not of $version"

# GitHub: the first push, no run before it, no commit before it
gh push1 push main "" 0000000000000000000000000000000000000000
is push1 "the error already there fails the first run" '.status == "failed"'
is push1 "annotated on its data row" '[.annotations[] | select(.level == "error")] == [{"level": "error", "file": "data/units.csv", "line": 6, "title": "CE responsabile", "message": "responsabile: 0, needs 1 (1 responsabile per spoke) [head_spoke, rules/staffing.rules:13]"}]'
is push1 "the summary says there was no baseline" '.summary | test("No baseline: every error counts")'
is push1 "the rule tests in the summary" '.summary | test("4 cases: 4 passed, 0 failed")'
is push1 "the rule tests uploaded" '.artifacts == [{"name": "rule-tests", "files": ["rule-tests.xml"]}]'
is push1 "SARIF uploaded, one result" '.sarif == [{"file": "coplan.sarif", "category": "coplan", "results": 1, "states": [""]}]'
is push1 "the action of this version" '.action_versions == ["v'"$version"'", "v'"$version"'"]'
is push1 "the check's outputs" '.steps.check.outputs == {"version": "'"$version"'", "exit-code": "1", "errors": "1", "warnings": "0", "new": "", "fixed": ""}'
logs push1 "coplan built" "Build coplan$"
is push1 "nothing kept from a failed run" '[.steps[] | select(.outcome == "success")] | length > 5'

# a second push: no run passed yet, so the commit before is the baseline
echo "Our staffing." >"$repo/README.md"
git -C "$repo" add README.md && git -C "$repo" commit -qm "A readme" && git -C "$repo" push -q origin main
gh push2 push main "" "$first"
is push2 "the error already there does not fail a push" '.status == "passed"'
is push2 "the summary counts it unchanged" '.summary | test("0 new, 0 worse, 1 unchanged, 0 better \\(baseline\\), 0 fixed")'
is push2 "no error annotation" '[.annotations[] | select(.level == "error")] == []'
logs push2 "its findings kept" "Cache saved with key: coplan-findings-main-2"
logs push2 "coplan's build kept" "Cache saved with key: coplan-Linux-X64-"
second=$(sha main)

# a pull request adding a centre with an error
change add-frosinone main "Frosinone, a spoke of Rome" '$a FR,Frosinone,spoke,RM,1,0,7,120' data/units.csv
gh pr-add pull_request add-frosinone main
is pr-add "a new error fails the pull request" '.status == "failed"'
is pr-add "annotated on the row it adds, the error already there not" '[.annotations[] | select(.level == "error") | [.file, .line, .title]] == [["data/units.csv", 7, "FR spec_prog"]]'
is pr-add "the summary says it is new" '.summary | test("1 new, 0 worse, 1 unchanged")'
is pr-add "SARIF marks it new" '.sarif[0].states == ["new", "unchanged"]'
logs pr-add "coplan from the cache" "Cache restored from key: coplan-Linux-X64-"
logs pr-add "the build skipped" "Build coplan: skipped"
logs pr-add "the target branch is the baseline" "coplan: baseline: the findings of origin/main"

# a pull request fixing the error
change fix-caserta main "A head for Caserta" 's/^CE,Caserta,spoke,NA,0,/CE,Caserta,spoke,NA,1,/' data/units.csv
gh pr-fix pull_request fix-caserta main
is pr-fix "a fix passes" '.status == "passed"'
is pr-fix "the summary says it is fixed, and which" '.summary | test("0 new, 0 worse, 0 unchanged, 0 better \\(baseline\\), 1 fixed") and test("\\| CE \\| responsabile \\| error \\| responsabile: 0, needs 1")'
is pr-fix "no annotation" '.annotations == []'

# a pull request that changes a standard and not its tests
change widen-span main "Tutors for up to 20 operators" 's/1 tutor per 12..18 operatore/1 tutor per 12..20 operatore/' \
	rules/staffing.rules
gh pr-test pull_request widen-span main
is pr-test "a failing rule test fails the job" '.status == "failed"'
is pr-test "annotated on the case" '[.annotations[] | select(.level == "error") | .file] == ["tests/tutor-span/expect.txt"]'
is pr-test "its diff in the summary" '.summary | test("<summary>tests/tutor-span</summary>") and test("-warning: H: tutor: 2, needs 4..5")'
is pr-test "the JUnit uploaded" '.artifacts[0].files == ["rule-tests.xml"]'
grep -q 'failures="1"' "$tmp/pr-test.json.artifacts/rule-tests/rule-tests.xml" && ok || no "pr-test: the JUnit has no failure"
is pr-test "the check still ran, and passed" '.steps.check.outcome == "success"'

# GitLab, from the tarball
(cd "$root" && sh tools/dist.sh "$version" "$(dirname "$bin")" "$tmp" >/dev/null 2>"$tmp/dist.err") && ok ||
	no "make dist: $(head -3 "$tmp/dist.err")"
gl mr-add-check coplan-check merge_request_event add-frosinone main
is mr-add-check "a new error fails the merge request" '.status == "failed"'
is mr-add-check "its JUnit shows it, and the error already there" '.reports.junit == [{"file": "coplan-junit.xml", "tests": 18, "failures": 2, "failed": ["CE: head_spoke", "FR: planning_spoke"]}]'
is mr-add-check "code quality: an issue on each error's row" '.reports.codequality == [{"file": "gl-code-quality.json", "issues": ["data/units.csv:6 major", "data/units.csv:7 major"]}]'
is mr-add-check "the summary kept" '.artifacts == ["coplan-summary.md", "coplan-findings.json"]'
logs mr-add-check "the target branch fetched, its findings the baseline" "coplan: baseline: the findings of origin/main"
logs mr-add-check "coplan built from the tarball" "make -s -C"
gl mr-add-rules coplan-rules merge_request_event add-frosinone main
is mr-add-rules "the rules hold" '.status == "passed" and .reports.junit[0].tests == 4 and .reports.junit[0].failures == 0'
logs mr-add-rules "coplan from the cache" "Successfully extracted cache coplan-$version"
gl mr-test coplan-rules merge_request_event widen-span main
is mr-test "a failing rule test fails the job, its JUnit says which" '.status == "failed" and .reports.junit[0].failed == ["tests/tutor-span"]'
gl mr-fix coplan-check merge_request_event fix-caserta main
is mr-fix "a fix passes" '.status == "passed" and .reports.junit[0].failures == 0'
grep -q '1 fixed' "$tmp/gl-ws/coplan-summary.md" && ok || no "mr-fix: the summary does not say 1 fixed"
# the fix merged: a push with no finding left
git -C "$repo" checkout -q main && git -C "$repo" merge -q --ff-only fix-caserta && git -C "$repo" push -q origin main
gh push3 push main "" "$second"
is push3 "no finding: green" '.status == "passed" and .annotations == []'
is push3 "the last run that passed is the baseline" '.summary | test("\\*\\*0 errors, 0 warnings\\*\\*") and test("1 fixed")'
logs push3 "its findings, from the cache" "Cache restored from key: coplan-findings-main-2"
is push3 "SARIF uploaded, empty" '.sarif[0].results == 0'

gl push-check coplan-check push main "" "$second"
is push-check "after the merge, green" '.status == "passed"'
logs push-check "the commit before is the baseline" "coplan: baseline: the findings of $second"
logs push-check "its findings kept" "Saving cache coplan-findings-main"

[ -n "${KEEP:-}" ] && mkdir -p "$KEEP" && cp "$tmp"/*.log "$tmp"/*.json "$KEEP"/
finish
