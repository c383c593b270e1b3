/* junit.c: check's findings as JUnit XML, a testsuite per scope and a
 * testcase per unit, as CI systems show test results. */
#include "junit.h"
#include "finding.h"
#include "waivers.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void
junit_warnings(const Diag *d, const ReportInfo *info, Buf *suites, int *total, int *failures)
{
	Buf cases = {0};
	int tests = 0;
	for (int i = 0; i < d->nmsgs; i++) {
		const DiagMsg *w = &d->msgs[i];
		if (w->level != DIAG_WARNING)
			continue;
		tests++;
		buf_puts(&cases, "    <testcase classname=\"coplan warnings\" name=\"");
		const char *kind = w->kind ? w->kind : "input";
		xml_str(&cases, kind, strlen(kind));
		if (w->loc.file >= 0) {
			buf_puts(&cases, ": ");
			const char *path = d->files[w->loc.file].path;
			xml_str(&cases, path, strlen(path));
			buf_printf(&cases, ":%d", w->loc.first_line);
		}
		buf_puts(&cases, "\">\n");
		if (info->fail_warning) {
			buf_puts(&cases, "      <failure type=\"warning\" message=\"");
			xml_str(&cases, w->text, strlen(w->text));
			buf_puts(&cases, "\"/>\n");
		}
		buf_puts(&cases, "      <system-err>warning: ");
		xml_str(&cases, w->text, strlen(w->text));
		buf_puts(&cases, "</system-err>\n    </testcase>\n");
	}
	if (tests) {
		int fails = info->fail_warning ? tests : 0;
		buf_printf(suites, "  <testsuite name=\"coplan warnings\" tests=\"%d\" failures=\"%d\" errors=\"0\">\n",
			   tests, fails);
		buf_put(suites, cases.p, cases.len);
		buf_puts(suites, "  </testsuite>\n");
		*total += tests;
		*failures += fails;
	}
	buf_free(&cases);
}

/* One testsuite per scope (rules outside scopes: "all units"), one
 * testcase per (rule, unit) the rule applies to (sets a requirement on);
 * a failure for each finding at or above the fail level, system-out for
 * one below it; then a testsuite of the warnings about the rules and
 * the data, failures too under --fail-on warning, so that the report
 * agrees with the exit code. */
/* One scope's testsuite, as it is made. */
typedef struct Suite {
	Buf cases;
	int tests, fails;
} Suite;

bool
junit_write(Check *c, const ReportInfo *info, Buf *out)
{
	const Program *p = c->p;
	const Units *u = c->u;
	int *order = units_by_id(u);
	/* findings are sorted by unit: where each unit's begin */
	int *first = xmalloc((size_t)(u->n ? u->n : 1) * sizeof *first);
	for (int k = 0; k < u->n; k++)
		first[k] = -1;
	for (int j = c->nf - 1; j >= 0; j--)
		first[c->f[j].unit] = j;
	int total = 0, failures = 0;
	Buf suites = {0}, m = {0};
	bool ok = true;
	/* a testsuite per scope, -1 first: each unit once, its cases put in
	 * the suites of their rules' scopes, in unit then rule order */
	Suite *suite = xcalloc((size_t)p->nscopes + 1, sizeof *suite);
	unsigned char *applied = xmalloc((size_t)p->nrules + 1);
	for (int i = 0; i < u->n && ok; i++) {
		int k = order[i];
		if (info->selected && !info->selected[k])
			continue;
		if (!(ok = check_applied(c, k, applied)))
			break;
		for (int r = 0; r < p->nrules; r++) {
			if (!applied[r])
				continue;
			int s = p->rules[r].scope;
			Suite *x = &suite[s + 1];
			const char *sname = s < 0 ? "all units" : p->scopes[s].name;
			x->tests++;
			buf_puts(&x->cases, "    <testcase classname=\"");
			xml_str(&x->cases, sname, strlen(sname));
			buf_puts(&x->cases, "\" name=\"");
			xml_str(&x->cases, units_id(u, k).s, (size_t)units_id(u, k).len);
			buf_puts(&x->cases, ": ");
			m.len = 0;
			out_rule(p, r, &m);
			xml_str(&x->cases, m.p, m.len);
			buf_puts(&x->cases, "\"");
			bool open = false;
			for (int j = first[k]; j >= 0 && j < c->nf && c->f[j].unit == k; j++) {
				const Finding *f = &c->f[j];
				if (f->v.rule != r)
					continue;
				m.len = 0;
				finding_message(c, f, &m);
				if (!open)
					buf_puts(&x->cases, ">\n"), open = true;
				if (f->waiver) {	/* approved: shown, not failed */
					const Waiver *v = &info->waivers->w[f->waiver - 1];
					buf_printf(&x->cases, "      <skipped message=\"waived until %s: ", v->until);
					xml_str(&x->cases, v->reason, strlen(v->reason));
					buf_puts(&x->cases, "\"/>\n");
				} else if (f->v.error || info->fail_warning) {
					x->fails++;
					buf_printf(&x->cases, "      <failure type=\"%s\" message=\"", status_name(f->v.status));
					xml_str(&x->cases, m.p, m.len);
					buf_puts(&x->cases, "\"/>\n");
				} else {
					buf_puts(&x->cases, "      <system-out>warning: ");	/* below the fail level */
					xml_str(&x->cases, m.p, m.len);
					buf_puts(&x->cases, "</system-out>\n");
				}
			}
			buf_puts(&x->cases, open ? "    </testcase>\n" : "/>\n");
		}
	}
	for (int s = -1; s <= p->nscopes - 1 && ok; s++) {
		const Suite *x = &suite[s + 1];
		const char *sname = s < 0 ? "all units" : p->scopes[s].name;
		if (!x->tests)
			continue;
		total += x->tests;
		failures += x->fails;
		buf_puts(&suites, "  <testsuite name=\"");
		xml_str(&suites, sname, strlen(sname));
		buf_printf(&suites, "\" tests=\"%d\" failures=\"%d\" errors=\"0\">\n", x->tests, x->fails);
		buf_put(&suites, x->cases.p, x->cases.len);
		buf_puts(&suites, "  </testsuite>\n");
	}
	for (int s = 0; s <= p->nscopes; s++)
		buf_free(&suite[s].cases);
	free(suite);
	free(applied);
	if (ok)
		junit_warnings(c->diag, info, &suites, &total, &failures);
	if (ok) {
		buf_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			   "<testsuites name=\"coplan check\" tests=\"%d\" failures=\"%d\" errors=\"0\">\n",
			   total, failures);
		if (suites.len)
			buf_put(out, suites.p, suites.len);
		buf_puts(out, "</testsuites>\n");
	}
	buf_free(&suites);
	buf_free(&m);
	free(order);
	free(first);
	return ok;
}
