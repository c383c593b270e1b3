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
#include "report_files.h"
#include "test_report.h"
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

typedef struct Run {
	Rules r;
	Diag d;
	const char *rules;
	bool update, coverage;
	bool exact_lines;	/* compare the rules' line numbers too */
	/* coverage: per rule, per scope, per clause */
	unsigned char *rule_hit, *scope_hit, *clause_hit;
	TestResults res;
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
		buf_printf(why, _("'%s': -o, --report and --format are not for a case: its report is the text "
			   "that expect.txt holds\n"), args);
		ok = false;
	}
	ok = ok && case_option(dir, &a.baseline, base, sizeof base, why) &&
		case_option(dir, &a.waivers, waiv, sizeof waiv, why);
	if (ok && a.roster && a.roster != roster) {
		buf_printf(why, _("'%s': a case's roster is its roster.csv, not --roster\n"), args);
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
		buf_printf(&why, _("'%s' holds a NUL byte on line %d: an expected report is text\n"), path, line);
		free(*want);
		*want = NULL;
	} else if (!he) {
		buf_printf(&why, _("no %s: write it with --update, then review it\n"), path);
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
		buf_printf(detail, _("cannot write '%s': it is %s; --update writes expect.txt only as a file of "
			   "its own (remove it first)\n"), path, S_ISLNK(st.st_mode) ? _("a symbolic link") : _("not a regular file"));
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
	size_t wn = 0;
	char *want = NULL;
	bool pass = false, diff = false;
	if (!ok)
		buf_printf(&detail, _("cannot be checked:\n%s"), buf_cstr(&why));
	else if (t->update)
		pass = write_expect(dir, expect, sizeof expect, &got, &detail);
	else if (read_expect(dir, expect, sizeof expect, &want, &wn, &detail) &&
		 !(pass = same_snapshot(t, want, wn, &got)))
		diff = true, udiff(&detail, dir, want, wn, got.p ? got.p : "", got.len);
	TestResults *r = &t->res;
	if (!(r->n & (r->n - 1)))
		r->cases = xrealloc(r->cases, (size_t)(r->n ? 2 * r->n : 1) * sizeof *r->cases);
	char file[4096];
	snprintf(file, sizeof file, "%s/%s", dir, ok ? "expect.txt" : "units.csv");
	r->cases[r->n++] = (TestCase){xstrdup(dir), xstrdup(file), pass, diff, xstrdup(buf_cstr(&detail))};
	r->nfailed += !pass;
	free(want);
	buf_free(&got);
	buf_free(&why);
	buf_free(&detail);
}

static void
add_miss(TestResults *r, const char *file, int line, int col, Buf *text)
{
	if (!(r->nmiss & (r->nmiss - 1)))
		r->miss = xrealloc(r->miss, (size_t)(r->nmiss ? 2 * r->nmiss : 1) * sizeof *r->miss);
	r->miss[r->nmiss++] = (TestMiss){file, line, col, xstrdup(buf_cstr(text))};
	text->len = 0;
}

/* The coverage: counts, then what no case exercised, at its place. */
static void
coverage(Run *t)
{
	const Program *p = &t->r.prog;
	TestResults *res = &t->res;
	res->coverage = true;
	res->nrules = p->nrules, res->nscopes = p->nscopes;
	for (int r = 0; r < p->nrules; r++)
		res->rules_hit += t->rule_hit[r];
	for (int s = 0; s < p->nscopes; s++)
		res->scopes_hit += t->scope_hit[s];
	Buf m = {0};
	for (int r = 0; r < p->nrules; r++) {
		const Rule *u = &p->rules[r];
		const char *file = p->files[u->file];
		Buf name = {0};
		out_rule(p, r, &name);
		if (u->form != R_SUGAR) {	/* one alternative: the rule */
			res->nalts++, res->alts_hit += t->rule_hit[r];
			if (!t->rule_hit[r]) {
				buf_printf(&m, _("rule %s never applied"), buf_cstr(&name));
				add_miss(res, file, u->loc.first_line, u->loc.first_column, &m);
			}
			buf_free(&name);
			continue;
		}
		for (int i = 0; i < u->nclauses; i++) {
			const RClause *cl = &p->clauses[u->clause0 + i];
			res->nalts++;
			res->alts_hit += t->clause_hit[u->clause0 + i];
			if (t->clause_hit[u->clause0 + i])
				continue;
			Buf amt = {0};
			out_amount(&amt, cl);
			buf_printf(&m, _("%s of rule %s never chosen (%s%s)"),
				   i == 0 ? _("the first amount") : cl->is_else ? _("the else") : _("an alternative"),
				   buf_cstr(&name), cl->is_else ? "else " : "", buf_cstr(&amt));
			add_miss(res, file, cl->loc.first_line, cl->loc.first_column, &m);
			buf_free(&amt);
		}
		buf_free(&name);
	}
	for (int s = 0; s < p->nscopes; s++)
		if (!t->scope_hit[s]) {
			buf_printf(&m, _("scope %s matched no unit"), p->scopes[s].name);
			add_miss(res, p->files[p->scopes[s].file], p->scopes[s].loc.first_line,
				 p->scopes[s].loc.first_column, &m);
		}
	buf_free(&m);
	res->percent = res->nalts ? 100.0 * res->alts_hit / res->nalts : 100;
	res->short_ = res->has_min && res->percent + 1e-9 < res->min;
}

static int
test_usage(const char *fmt, const char *arg)
{
	return usage_error("test", fmt, arg);
}

/* Writes the results in each format asked for, each whole or none. */
static bool
write_reports(Run *t, DataArgs *a)
{
	Output o[MAX_REPORTS + 1];
	Sink sk[MAX_REPORTS + 1];
	Buf b[MAX_REPORTS + 1] = {{0}};
	int n = outputs(a, o);
	/* what the run read: the rules files, each case's files */
	static const char *const names[] = {"units.csv", "roster.csv", "args", "expect.txt"};
	const Program *p = &t->r.prog;
	int nin = 0, max = 1 + p->nfiles + 4 * t->res.n;
	char **inputs = xcalloc((size_t)max + 1, sizeof *inputs);
	inputs[nin++] = xstrdup(t->rules);
	for (int i = 0; i < p->nfiles; i++)
		inputs[nin++] = xstrdup(p->files[i]);
	for (int i = 0; i < t->res.n; i++)
		for (int k = 0; k < 4; k++) {
			char path[4096];
			snprintf(path, sizeof path, "%s/%s", t->res.cases[i].dir, names[k]);
			inputs[nin++] = xstrdup(path);
		}
	bool ok = open_outputs(o, n, sk, (const char *const *)inputs);
	for (int i = 0; ok && i < n; i++)
		test_report(&t->res, (TestFormat)o[i].format, &b[i]);
	ok = ok && close_outputs(sk, b, n, true);
	for (int i = 0; i < nin; i++)
		free(inputs[i]);
	free(inputs);
	return ok;
}

int
ruletest_command(int argc, char **argv)
{
	Run t = {0};
	DataArgs out = {0};
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
			double min = v ? strtod(v, &end) : -1;
			t.res.min = min;
			if (!v || *end || !(min >= 0 && min <= 100)) {
				rc = test_usage("--min takes a percentage from 0 to 100, not '%s'", v ? v : "");
				goto out;
			}
			has_min = true;
		} else if (!strcmp(a, "--format") || !strncmp(a, "--format=", 9)) {
			const char *v = a[8] ? a + 9 : i + 1 < argc ? argv[++i] : "";
			out.format = format_find(FOR_TEST, v);
			out.format_given = true;
			if (out.format < 0) {
				Buf m = {0};
				buf_puts(&m, _("unknown format '%s'; the formats are "));
				format_list(FOR_TEST, &m);
				rc = test_usage(buf_cstr(&m), v);
				buf_free(&m);
				goto out;
			}
		} else if (!strcmp(a, "--report") || !strncmp(a, "--report=", 9)) {
			const char *v = a[8] ? a + 9 : i + 1 < argc ? argv[++i] : "";
			if (args_report("test", FOR_TEST, v, &out) < 0)
				goto out;
		} else if (!strcmp(a, "-o")) {
			if (i + 1 == argc) {
				rc = test_usage("%s-o takes a file", "");
				goto out;
			}
			out.out = argv[++i];
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
	if (args_outputs("test", &out, FOR_TEST) < 0)
		goto out;
	t.res.rules = dirs[0];
	t.res.update = t.update;
	t.res.has_min = has_min;
	t.rules = dirs[0];
	if (coplan_rules(&t.r, t.rules) != 0) {
		Buf err = {0};
		diag_flush(&t.d, &err);
		fputs(buf_cstr(&err), stderr);
		buf_free(&err);
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
			fprintf(stderr, _("coplan test: '%s' is %s\n"), dirs[i],
				n < 0 ? _("not a folder") : _("a folder with no case (no units.csv in it or its folders)"));
			goto out;
		}
		for (int k = 0; k < n; k++) {
			one_case(&t, cases[k]);
			free(cases[k]);
		}
		free(cases);
	}
	if (t.coverage)
		coverage(&t);
	rc = !write_reports(&t, &out) ? 2 : t.res.nfailed || t.res.short_ ? 1 : 0;
out:
	free(dirs);
	free(t.rule_hit);
	free(t.scope_hit);
	free(t.clause_hit);
	test_results_free(&t.res);
	rules_free(&t.r);
	diag_free(&t.d);
	return rc;
}
