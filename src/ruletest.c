/* ruletest.c: `coplan test`: each case checked in-process against the
 * rules compiled once, its text report compared with expect.txt (a
 * unified diff when they differ), and what the cases exercised counted:
 * each rule that set a requirement, each scope a unit was in, each
 * alternative chosen (the first amount, each `, AMOUNT if`, the else). */
#include "ruletest.h"
#include "args.h"
#include "compile.h"
#include "lint.h"
#include "report.h"
#include "roster.h"
#include "table.h"

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

static bool
exists(const char *dir, const char *name)
{
	char path[4096];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int
cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The cases under dir: dir itself when it holds units.csv, else its
 * folders that do, in name order. */
static int
cases_of(const char *dir, char ***out)
{
	char **v = NULL;
	int n = 0;
	if (exists(dir, "units.csv")) {
		v = xmalloc(sizeof *v);
		v[n] = xmalloc(strlen(dir) + 1);
		memcpy(v[n++], dir, strlen(dir) + 1);
		*out = v;
		return n;
	}
	DIR *dp = opendir(dir);
	if (!dp)
		return -1;
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		char *path = xmalloc(len);
		snprintf(path, len, "%s/%s", dir, e->d_name);
		if (exists(path, "units.csv")) {
			v = xrealloc(v, (size_t)(n + 1) * sizeof *v);
			v[n++] = path;
		} else {
			free(path);
		}
	}
	closedir(dp);
	if (n)
		qsort(v, (size_t)n, sizeof *v, cmp_cstr);
	*out = v;
	return n;
}

/* Lines of a text, for the diff. */
typedef struct Lines {
	const char **s;
	int *len, n;
} Lines;

static Lines
split(const char *t, size_t n)
{
	Lines l = {0};
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && t[j] != '\n')
			j++;
		l.s = xrealloc(l.s, (size_t)(l.n + 1) * sizeof *l.s);
		l.len = xrealloc(l.len, (size_t)(l.n + 1) * sizeof *l.len);
		l.s[l.n] = t + i;
		l.len[l.n++] = (int)(j - i);
		i = j + 1;
	}
	return l;
}

static bool
same_line(const Lines *a, int i, const Lines *b, int j)
{
	return a->len[i] == b->len[j] && !memcmp(a->s[i], b->s[j], (size_t)a->len[i]);
}

/* A unified diff of want and got (3 lines of context), by the longest
 * common subsequence; past 4 million cells, every line differs. */
static void
udiff(Buf *b, const char *name, const char *want, size_t wn, const char *got, size_t gn)
{
	Lines x = split(want, wn), y = split(got, gn);
	int n = x.n, m = y.n;
	bool small = (long long)(n + 1) * (m + 1) <= 4000000;
	int *L = small ? xcalloc((size_t)(n + 1) * (size_t)(m + 1), sizeof *L) : NULL;
	for (int i = n - 1; small && i >= 0; i--)
		for (int j = m - 1; j >= 0; j--)
			L[i * (m + 1) + j] = same_line(&x, i, &y, j) ? L[(i + 1) * (m + 1) + j + 1] + 1 :
				L[(i + 1) * (m + 1) + j] > L[i * (m + 1) + j + 1] ? L[(i + 1) * (m + 1) + j] :
				L[i * (m + 1) + j + 1];
	/* the edit script: ' ', '-', '+' per step */
	int cap = n + m + 1, ns = 0;
	char *op = xmalloc((size_t)cap);
	int *ia = xmalloc((size_t)cap * sizeof *ia), *ib = xmalloc((size_t)cap * sizeof *ib);
	int i = 0, j = 0;
	while (i < n || j < m) {
		if (small && i < n && j < m && same_line(&x, i, &y, j))
			op[ns] = ' ', ia[ns] = i++, ib[ns] = j++;
		else if (i < n && (j == m || !small || L[(i + 1) * (m + 1) + j] >= L[i * (m + 1) + j + 1]))
			op[ns] = '-', ia[ns] = i++, ib[ns] = j;	/* what goes first, as diff -u does */
		else
			op[ns] = '+', ia[ns] = i, ib[ns] = j++;
		ns++;
	}
	buf_printf(b, "--- %s/expect.txt\n+++ %s (what check printed)\n", name, name);
	for (int k = 0; k < ns;) {
		if (op[k] == ' ') {
			k++;
			continue;
		}
		int start = k >= 3 ? k - 3 : 0, end = k;
		while (start < k && op[start] != ' ')
			start++;
		/* extend while changes come within 6 lines */
		for (;;) {
			while (end < ns && op[end] != ' ')
				end++;
			int gap = end;
			while (gap < ns && op[gap] == ' ' && gap - end < 7)
				gap++;
			if (gap < ns && op[gap] != ' ' && gap - end < 7)
				end = gap;
			else
				break;
		}
		int stop = end + 3 < ns ? end + 3 : ns;
		int a0 = ia[start], b0 = ib[start], ac = 0, bc = 0;
		for (int t = start; t < stop; t++)
			ac += op[t] != '+', bc += op[t] != '-';
		buf_printf(b, "@@ -%d,%d +%d,%d @@\n", a0 + 1, ac, b0 + 1, bc);
		for (int t = start; t < stop; t++) {
			const Lines *l = op[t] == '+' ? &y : &x;
			int at = op[t] == '+' ? ib[t] : ia[t];
			buf_putc(b, op[t]);
			buf_put(b, l->s[at], (size_t)l->len[at]);
			buf_putc(b, '\n');
		}
		k = stop;
	}
	free(L);
	free(op);
	free(ia);
	free(ib);
	free(x.s), free(x.len), free(y.s), free(y.len);
}

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

/* Reads a case's args file into check's arguments. */
static int
case_args(const char *dir, const char *rules, char *units, char **argv, char **text)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/args", dir);
	int argc = 0;
	argv[argc++] = "check";
	argv[argc++] = (char *)rules;
	argv[argc++] = units;
	size_t len;
	*text = exists(dir, "args") ? read_file(path, &len) : NULL;
	for (char *s = *text ? strtok(*text, " \t\r\n") : NULL; s && argc < 62; s = strtok(NULL, " \t\r\n"))
		argv[argc++] = s;
	argv[argc] = NULL;
	return argc;
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

static void
one_case(Run *t, const char *dir)
{
	char units[4096], roster[4096], expect[4096];
	snprintf(units, sizeof units, "%s/units.csv", dir);
	snprintf(roster, sizeof roster, "%s/roster.csv", dir);
	snprintf(expect, sizeof expect, "%s/expect.txt", dir);
	char *argv[64], *args_text;
	int argc = case_args(dir, t->rules, units, argv, &args_text);
	DataArgs a = {0};
	Units u = {0};
	Check c;
	bool checked = false, ok = parse_data_args("check", argc, argv, &a) == 0;
	Buf got = {0}, why = {0};
	int errors = t->d.errors;
	if (ok) {
		bool has_roster = exists(dir, "roster.csv");
		LoadOptions o = {a.delimiter, has_roster, a.decimal, false, a.blank_zero, a.encoding};
		ok = units_load(&u, &t->r.prog, &t->d, units, &o) == 0 &&
			(!has_roster || roster_load(&u, &t->r.prog, &t->d, roster, &o, a.fte) == 0);
	}
	if (ok) {
		check_init(&c, &t->r.prog, &u, &t->d);
		checked = true;
		ok = check_run(&c, NULL);
		ReportInfo info = {u.n, false, NULL, a.fail_warning, NULL, NULL, NULL, NULL, NULL};
		if (ok)
			report_check(&c, FMT_TEXT, &info, &got);
		if (ok && t->coverage)
			ok = cover(t, &c);
	}
	diag_flush(&t->d, &why);	/* this case's messages */
	if (t->d.errors > errors)
		ok = false;
	t->ncases++;
	size_t wn = 0;
	char *want = ok && !t->update ? read_file(expect, &wn) : NULL;
	bool pass = ok && (t->update || (want && same_snapshot(t, want, wn, &got)));
	Buf detail = {0};
	if (!ok)
		buf_printf(&detail, "cannot be checked:\n%s", buf_cstr(&why));
	else if (t->update) {
		char err[512];
		if (write_file_atomic(expect, got.p ? got.p : "", got.len, err, sizeof err) != 0) {
			buf_printf(&detail, "%s\n", err);
			pass = false;
		} else {
			t->nupdated++;
		}
	} else if (!want)
		buf_printf(&detail, "no %s: write it with --update, then review it\n", expect);
	else if (!pass)
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
	if (checked)
		check_free(&c);
	units_free(&u);
	free(a.unit_ids);
	free(args_text);
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
		Lines l = split(miss.p ? miss.p : "", miss.len);
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
usage(const char *fmt, const char *arg)
{
	return usage_error("test", fmt, arg);
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
				rc = usage("--min takes a percentage from 0 to 100, not '%s'", v ? v : "");
				goto out;
			}
			has_min = true;
		} else if (!strcmp(a, "--format") || !strncmp(a, "--format=", 9)) {
			const char *v = a[8] ? a + 9 : i + 1 < argc ? argv[++i] : "";
			t.f = !strcmp(v, "text") ? TF_TEXT : !strcmp(v, "json") ? TF_JSON : !strcmp(v, "junit") ? TF_JUNIT : 3;
			if (t.f == 3) {
				rc = usage("unknown format '%s'; the formats are text, json and junit", v);
				goto out;
			}
		} else if (a[0] == '-' && a[1]) {
			rc = usage("unknown option '%s'", a);
			goto out;
		} else {
			dirs[ndirs++] = argv[i];
		}
	}
	if (ndirs < 2) {
		rc = usage("%sname a rules file and at least one folder of cases", "");
		goto out;
	}
	if (has_min && !t.coverage) {
		rc = usage("%s--min sets the least coverage: add --coverage", "");
		goto out;
	}
	t.rules = dirs[0];
	if (rules_compile(&t.r, t.rules) != 0) {
		diag_flush(&t.d, &t.out);
		fputs(buf_cstr(&t.out), stderr);
		goto out;
	}
	lint_warnings(&t.r, false);
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
		int n = cases_of(dirs[i], &cases);
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
	if (t.f == TF_TEXT) {
		buf_printf(&t.out, "%d case%s: %d passed, %d failed", t.ncases, t.ncases == 1 ? "" : "s",
			   t.ncases - t.nfailed, t.nfailed);
		buf_puts(&t.out, t.update ? " (expect.txt written)\n" : "\n");
		buf_put(&t.out, cov.p, cov.len);
		if (short_) {
			buf_puts(&t.out, "coverage below --min ");
			num_text(&t.out, t.min);
			buf_puts(&t.out, "%\n");
		}
	} else if (t.f == TF_JSON) {
		buf_printf(&t.out, "{\n  \"cases\": [%s%s],\n  \"passed\": %d, \"failed\": %d,\n  \"coverage\": %s\n}\n",
			   buf_cstr(&t.json), t.ncases ? "\n  " : "", t.ncases - t.nfailed, t.nfailed,
			   t.coverage ? buf_cstr(&cov) : "null");
	} else {
		buf_printf(&t.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"coplan test\" tests=\"%d\" failures=\"%d\">\n"
			   "  <testsuite name=\"", t.ncases + short_, t.nfailed + short_);
		xml_str(&t.out, t.rules, strlen(t.rules));
		buf_printf(&t.out, "\" tests=\"%d\" failures=\"%d\">\n%s", t.ncases + short_, t.nfailed + short_,
			   buf_cstr(&t.junit));
		if (short_) {
			buf_puts(&t.out, "    <testcase classname=\"coplan test\" name=\"coverage\">\n      <failure message=\"below --min\">");
			xml_str(&t.out, cov.p, cov.len);
			buf_puts(&t.out, "</failure>\n    </testcase>\n");
		}
		buf_puts(&t.out, "  </testsuite>\n</testsuites>\n");
	}
	buf_free(&cov);
	fputs(buf_cstr(&t.out), stdout);
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
