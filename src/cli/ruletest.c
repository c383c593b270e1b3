/* ruletest.c: `coplan test`: each case checked in-process against the
 * rules compiled once, its text report compared with expect.txt (a
 * unified diff when they differ), and what the cases exercised counted:
 * each rule that set a requirement, each scope a unit was in, each
 * alternative chosen (the first amount, each `, AMOUNT if`, the else). */
#include "ruletest.h"
#include "coplan.h"
#include "msg.h"
#include "test_cases.h"
#include "files.h"
#include "args.h"
#include "baseline.h"
#include "check_all.h"
#include "compile.h"
#include "lint.h"
#include "report.h"
#include "roster.h"
#include "udiff.h"
#include "table.h"
#include "waivers.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef enum TestFormat { TF_TEXT, TF_JSON, TF_JUNIT } TestFormat;

typedef struct Run {
	Rules r;
	Diag d;
	const char *rules;
	bool update, coverage;
	bool exact_lines;	/* compare the rules' line numbers too */
	double min;
	TestFormat f;
	/* coverage: per rule, per scope, per clause */
	unsigned char *rule_hit, *scope_hit, *clause_hit;
	int ncases, nfailed, nupdated;
	Buf out;		/* the report */
	Buf json, junit;	/* the cases, as those formats list them */
} Run;

/* What this case exercised, added to the run's counts. */
static bool
cover(Run *t, Check *c)
{
	const Program *p = c->p;
	for (int k = 0; k < c->u->n; k++) {
		check_forget(c);
		for (int s = 0; s < p->nscopes; s++) {
			int in = check_in_scope(c, s, k);
			if (in < 0)
				return false;
			t->scope_hit[s] |= in;
		}
		for (int r = 0; r < p->nrules; r++) {
			double lo, hi;
			Applied a = check_rule(c, r, k, &lo, &hi);
			if (a == AP_ERROR)
				return false;
			if (a != AP_YIELD)
				continue;
			t->rule_hit[r] = 1;
			if (p->rules[r].form == R_SUGAR) {
				int pick = check_choose(c, r, k);
				if (pick >= 0)
					t->clause_hit[p->rules[r].clause0 + pick] = 1;
			}
		}
	}
	return true;
}

/* The reports name the rules files relative to the rules file's
 * folder, as the cases are written: the same from any folder a test
 * runs in (CI runs from the repository's root). */
static void
relative_files(Program *p, const char *rules)
{
	const char *slash = strrchr(rules, '/');
	size_t n = slash ? (size_t)(slash - rules) + 1 : 0;
	for (int i = 0; i < p->nfiles; i++)
		if (n && !strncmp(p->files[i], rules, n))
			p->files[i] = p->files[i] + n;
}

/* text with each "FILE:LINE" of a rules file written "FILE:#". */
static void
mask_lines(const Program *p, const char *s, size_t n, Buf *out)
{
	for (size_t i = 0; i < n;) {
		size_t hit = 0;
		for (int f = 0; f < p->nfiles && !hit; f++) {
			size_t k = strlen(p->files[f]);
			if (i + k + 1 < n && !memcmp(s + i, p->files[f], k) && s[i + k] == ':' &&
			    s[i + k + 1] >= '0' && s[i + k + 1] <= '9')
				hit = k + 1;
		}
		if (!hit) {
			buf_putc(out, s[i++]);
			continue;
		}
		buf_put(out, s + i, hit);
		buf_putc(out, '#');
		for (i += hit; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
	}
}

/* Whether a case's report is its snapshot: the rules' line numbers
 * count only with --exact-lines, so a comment added to the rules does
 * not fail every case. */
static bool
same_snapshot(const Run *t, const char *want, size_t wn, const Buf *got)
{
	if (t->exact_lines)
		return wn == got->len && !memcmp(want, got->p, wn);
	Buf a = {0}, b = {0};
	mask_lines(&t->r.prog, want, wn, &a);
	mask_lines(&t->r.prog, got->p ? got->p : "", got->len, &b);
	bool same = a.len == b.len && (!a.len || !memcmp(a.p, b.p, a.len));
	buf_free(&a);
	buf_free(&b);
	return same;
}

/* The text report of case dir in got; false after saying in why what
 * kept it from being checked. */
static bool
run_case(Run *t, const char *dir, Buf *got, Buf *why)
{
	char units[4096], roster[4096], args[4096], base[4096], waiv[4096];
	int hu = case_file(dir, "units.csv", units, sizeof units, why);
	int hr = case_file(dir, "roster.csv", roster, sizeof roster, why);
	int ha = case_file(dir, "args", args, sizeof args, why);
	if (hu <= 0 || hr < 0 || ha < 0)
		return false;
	char *argv[CASE_MAX_WORDS + 1], *args_text;
	int argc = case_args(t->rules, units, hr ? roster : NULL, ha ? args : NULL, argv, &args_text, why);
	DataArgs a = {0};
	usage_capture(why);
	bool ok = argc > 0 && parse_data_args("check", argc, argv, &a) == 0;
	usage_capture(NULL);
	if (ok && (a.format_given || a.out || a.nreports)) {
		buf_printf(why, "'%s': -o, --report and --format are not for a case: its report is the text "
			   "that expect.txt holds\n", args);
		ok = false;
	}
	ok = ok && case_option(dir, &a.baseline, base, sizeof base, why) &&
		case_option(dir, &a.waivers, waiv, sizeof waiv, why);
	if (ok && a.roster && a.roster != roster) {
		buf_printf(why, "'%s': a case's roster is its roster.csv, not --roster\n", args);
		ok = false;
	}
	CoplanRun run = {0};
	int errors = t->d.errors;
	if (ok) {
		CoplanData in = {
			.units = units, .roster = hr > 0 ? roster : NULL, .fte = a.fte,
			.load = {a.delimiter, false, a.decimal, false, a.blank_zero, a.encoding},
			.unit_ids = a.unit_ids, .nunit_ids = a.nunit_ids,
			.baseline = a.baseline, .waivers = a.waivers, .fail_warning = a.fail_warning,
		};
		ok = coplan_load(&t->r, &in, &run) && coplan_check(&run);
		ReportInfo info = coplan_report_info(&run, &in);
		info.units_path = info.roster_path = NULL;	/* a text report names neither */
		if (ok)
			report_check(&run.c, FMT_TEXT, &info, got);
		if (ok && t->coverage)
			ok = cover(t, &run.c);
	}
	diag_flush(&t->d, why);	/* this case's messages */
	if (t->d.errors > errors)
		ok = false;
	coplan_run_free(&run);
	free(a.unit_ids);
	free(a.unit_under);
	free(a.totals_by);
	free(args_text);
	return ok;
}

/* Reads case dir's expect.txt (path) into *want; false after saying in
 * detail why it cannot be. */
static bool
read_expect(const char *dir, char *path, size_t n, char **want, size_t *wn, Buf *detail)
{
	Buf why = {0};
	int he = case_file(dir, "expect.txt", path, n, &why);
	*want = he > 0 ? case_read(path, CASE_MAX_EXPECT, wn, &why) : NULL;
	const char *nul = *want ? memchr(*want, 0, *wn) : NULL;
	if (nul) {
		int line = 1;
		for (const char *q = *want; q < nul; q++)
			line += *q == '\n';
		buf_printf(&why, "'%s' holds a NUL byte on line %d: an expected report is text\n", path, line);
		free(*want);
		*want = NULL;
	} else if (!he) {
		buf_printf(&why, "no %s: write it with --update, then review it\n", path);
	}
	buf_put(detail, why.p, why.len);
	buf_free(&why);
	return *want != NULL;
}

/* Writes case dir's expect.txt for --update: only as a file of its
 * own (never through a link, never over something not a file). */
static bool
write_expect(const char *dir, char *path, size_t n, const Buf *got, Buf *detail)
{
	struct stat st;
	snprintf(path, n, "%s/expect.txt", dir);
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		buf_printf(detail, "cannot write '%s': it is %s; --update writes expect.txt only as a file of "
			   "its own (remove it first)\n", path, S_ISLNK(st.st_mode) ? "a symbolic link" : "not a regular file");
		return false;
	}
	char err[512];
	if (write_file_atomic(path, got->p ? got->p : "", got->len, err, sizeof err) != 0) {
		buf_printf(detail, "%s\n", err);
		return false;
	}
	return true;
}

static void
one_case(Run *t, const char *dir)
{
	char expect[4096];
	Buf got = {0}, why = {0}, detail = {0};
	bool ok = run_case(t, dir, &got, &why);
	t->ncases++;
	size_t wn = 0;
	char *want = NULL;
	bool pass = false;
	if (!ok)
		buf_printf(&detail, "cannot be checked:\n%s", buf_cstr(&why));
	else if (t->update)
		t->nupdated += pass = write_expect(dir, expect, sizeof expect, &got, &detail);
	else if (read_expect(dir, expect, sizeof expect, &want, &wn, &detail) &&
		 !(pass = same_snapshot(t, want, wn, &got)))
		udiff(&detail, dir, want, wn, got.p ? got.p : "", got.len);
	t->nfailed += !pass;
	if (t->f == TF_TEXT) {
		buf_printf(&t->out, "%s  %s\n", pass ? (t->update ? "updated" : "ok  ") : "FAIL", dir);
		if (!pass)
			buf_put(&t->out, detail.p, detail.len);
	} else if (t->f == TF_JSON) {
		buf_puts(&t->json, t->ncases > 1 ? ",\n    {\"case\": " : "\n    {\"case\": ");
		json_str(&t->json, dir, strlen(dir));
		buf_printf(&t->json, ", \"passed\": %s, \"detail\": ", pass ? "true" : "false");
		json_str(&t->json, detail.p ? detail.p : "", detail.len);
		buf_putc(&t->json, '}');
	} else {
		buf_puts(&t->junit, "    <testcase classname=\"coplan test\" name=\"");
		xml_str(&t->junit, dir, strlen(dir));
		if (pass) {
			buf_puts(&t->junit, "\"/>\n");
		} else {
			buf_puts(&t->junit, "\">\n      <failure message=\"expect.txt differs\">");
			xml_str(&t->junit, detail.p ? detail.p : "", detail.len);
			buf_puts(&t->junit, "</failure>\n    </testcase>\n");
		}
	}
	free(want);
	buf_free(&got);
	buf_free(&why);
	buf_free(&detail);
}

/* The coverage: counts, then what no case exercised, file:line:col. */
static double
coverage(Run *t, Buf *b)
{
	const Program *p = &t->r.prog;
	int rh = 0, sh = 0, nalt = 0, ah = 0;
	for (int r = 0; r < p->nrules; r++)
		rh += t->rule_hit[r];
	for (int s = 0; s < p->nscopes; s++)
		sh += t->scope_hit[s];
	Buf miss = {0};
	for (int r = 0; r < p->nrules; r++) {
		const Rule *u = &p->rules[r];
		const char *file = p->files[u->file];
		Buf name = {0};
		out_rule(p, r, &name);
		if (u->form != R_SUGAR) {	/* one alternative: the rule */
			nalt++, ah += t->rule_hit[r];
			if (!t->rule_hit[r])
				buf_printf(&miss, "%s:%d:%d: rule %s never applied\n", file, u->loc.first_line,
					   u->loc.first_column, buf_cstr(&name));
			buf_free(&name);
			continue;
		}
		for (int i = 0; i < u->nclauses; i++) {
			const RClause *cl = &p->clauses[u->clause0 + i];
			nalt++;
			ah += t->clause_hit[u->clause0 + i];
			if (t->clause_hit[u->clause0 + i])
				continue;
			Buf amt = {0};
			out_amount(&amt, cl);
			buf_printf(&miss, "%s:%d:%d: %s of rule %s never chosen (%s%s)\n", file, cl->loc.first_line,
				   cl->loc.first_column, i == 0 ? "the first amount" : cl->is_else ? "the else" : "an alternative",
				   buf_cstr(&name), cl->is_else ? "else " : "", buf_cstr(&amt));
			buf_free(&amt);
		}
		buf_free(&name);
	}
	for (int s = 0; s < p->nscopes; s++)
		if (!t->scope_hit[s])
			buf_printf(&miss, "%s:%d:%d: scope %s matched no unit\n", p->files[p->scopes[s].file],
				   p->scopes[s].loc.first_line, p->scopes[s].loc.first_column, p->scopes[s].name);
	double pct = nalt ? 100.0 * ah / nalt : 100;
	if (t->f == TF_JSON) {
		buf_printf(b, "{\"rules\": {\"covered\": %d, \"total\": %d}, \"scopes\": {\"covered\": %d, \"total\": %d}, "
			   "\"alternatives\": {\"covered\": %d, \"total\": %d}, \"percent\": ", rh, p->nrules, sh,
			   p->nscopes, ah, nalt);
		num_text(b, round(pct * 10) / 10);
		buf_puts(b, ", \"missed\": [");
		Lines l = lines_split(miss.p ? miss.p : "", miss.len);
		for (int i = 0; i < l.n; i++) {
			buf_puts(b, i ? ", " : "");
			json_str(b, l.s[i], (size_t)l.len[i]);
		}
		free(l.s), free(l.len);
		buf_puts(b, "]}");
	} else {
		buf_printf(b, "coverage: rules %d/%d, scopes %d/%d, alternatives %d/%d (", rh, p->nrules, sh, p->nscopes,
			   ah, nalt);
		num_text(b, round(pct * 10) / 10);
		buf_puts(b, "%)\n");
		if (miss.len)
			buf_printf(b, "not exercised:\n%s", buf_cstr(&miss));
	}
	buf_free(&miss);
	return pct;
}

static int
test_usage(const char *fmt, const char *arg)
{
	return usage_error("test", fmt, arg);
}

/* The summary of the run in t's format, after its cases: counts,
 * coverage, and whether it falls short of --min. */
static void
test_summary(Run *t, const Buf *cov, bool short_)
{
	if (t->f == TF_TEXT) {
		buf_printf(&t->out, plural(t->ncases, "%d case: %d passed, %d failed", "%d cases: %d passed, %d failed"),
			   t->ncases, t->ncases - t->nfailed, t->nfailed);
		buf_puts(&t->out, t->update ? " (expect.txt written)\n" : "\n");
		buf_put(&t->out, cov->p, cov->len);
		if (short_) {
			buf_puts(&t->out, "coverage below --min ");
			num_text(&t->out, t->min);
			buf_puts(&t->out, "%\n");
		}
	} else if (t->f == TF_JSON) {
		buf_printf(&t->out, "{\n  \"cases\": [%s%s],\n  \"passed\": %d, \"failed\": %d,\n  \"coverage\": %s\n}\n",
			   buf_cstr(&t->json), t->ncases ? "\n  " : "", t->ncases - t->nfailed, t->nfailed,
			   t->coverage ? buf_cstr((Buf *)cov) : "null");
	} else {
		buf_printf(&t->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"coplan test\" tests=\"%d\" failures=\"%d\">\n"
			   "  <testsuite name=\"", t->ncases + short_, t->nfailed + short_);
		xml_str(&t->out, t->rules, strlen(t->rules));
		buf_printf(&t->out, "\" tests=\"%d\" failures=\"%d\">\n%s", t->ncases + short_, t->nfailed + short_,
			   buf_cstr(&t->junit));
		if (short_) {
			buf_puts(&t->out, "    <testcase classname=\"coplan test\" name=\"coverage\">\n      <failure message=\"below --min\">");
			xml_str(&t->out, cov->p, cov->len);
			buf_puts(&t->out, "</failure>\n    </testcase>\n");
		}
		buf_puts(&t->out, "  </testsuite>\n</testsuites>\n");
	}
}

int
ruletest_command(int argc, char **argv)
{
	Run t = {0};
	t.r.diag = &t.d;
	char **dirs = xcalloc((size_t)argc + 1, sizeof *dirs);
	int ndirs = 0, rc = 2;
	bool has_min = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--update")) {
			t.update = true;
		} else if (!strcmp(a, "--exact-lines")) {
			t.exact_lines = true;
		} else if (!strcmp(a, "--coverage")) {
			t.coverage = true;
		} else if (!strcmp(a, "--min") || !strncmp(a, "--min=", 6)) {
			const char *v = a[5] ? a + 6 : i + 1 < argc ? argv[++i] : NULL;
			char *end;
			t.min = v ? strtod(v, &end) : -1;
			if (!v || *end || t.min < 0 || t.min > 100) {
				rc = test_usage("--min takes a percentage from 0 to 100, not '%s'", v ? v : "");
				goto out;
			}
			has_min = true;
		} else if (!strcmp(a, "--format") || !strncmp(a, "--format=", 9)) {
			const char *v = a[8] ? a + 9 : i + 1 < argc ? argv[++i] : "";
			t.f = !strcmp(v, "text") ? TF_TEXT : !strcmp(v, "json") ? TF_JSON : !strcmp(v, "junit") ? TF_JUNIT : 3;
			if (t.f == 3) {
				rc = test_usage("unknown format '%s'; the formats are text, json and junit", v);
				goto out;
			}
		} else if (a[0] == '-' && a[1]) {
			rc = test_usage("unknown option '%s'", a);
			goto out;
		} else {
			dirs[ndirs++] = argv[i];
		}
	}
	if (ndirs < 2) {
		rc = test_usage("%sname a rules file and at least one folder of cases", "");
		goto out;
	}
	if (has_min && !t.coverage) {
		rc = test_usage("%s--min sets the least coverage: add --coverage", "");
		goto out;
	}
	t.rules = dirs[0];
	if (coplan_rules(&t.r, t.rules) != 0) {
		diag_flush(&t.d, &t.out);
		fputs(buf_cstr(&t.out), stderr);
		goto out;
	}
	relative_files(&t.r.prog, t.rules);
	Buf warn = {0};
	diag_flush(&t.d, &warn);
	fputs(buf_cstr(&warn), stderr);
	buf_free(&warn);
	const Program *p = &t.r.prog;
	t.rule_hit = xcalloc((size_t)p->nrules + 1, 1);
	t.scope_hit = xcalloc((size_t)p->nscopes + 1, 1);
	t.clause_hit = xcalloc((size_t)p->nclauses + 1, 1);
	for (int i = 1; i < ndirs; i++) {
		char **cases;
		int n = case_list(dirs[i], &cases);
		if (n <= 0) {
			fprintf(stderr, "coplan test: '%s' is %s\n", dirs[i],
				n < 0 ? "not a folder" : "a folder with no case (no units.csv in it or its folders)");
			goto out;
		}
		for (int k = 0; k < n; k++) {
			one_case(&t, cases[k]);
			free(cases[k]);
		}
		free(cases);
	}
	Buf cov = {0};
	double pct = t.coverage ? coverage(&t, &cov) : 100;
	bool short_ = t.coverage && has_min && pct + 1e-9 < t.min;
	test_summary(&t, &cov, short_);
	buf_free(&cov);
	fwrite(t.out.p ? t.out.p : "", 1, t.out.len, stdout);
	rc = t.nfailed || short_ ? 1 : 0;
out:
	free(dirs);
	free(t.rule_hit);
	free(t.scope_hit);
	free(t.clause_hit);
	buf_free(&t.out);
	buf_free(&t.json);
	buf_free(&t.junit);
	rules_free(&t.r);
	diag_free(&t.d);
	return rc;
}
