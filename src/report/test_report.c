/* test_report.c: `coplan test`'s results in its formats. */
#include "test_report.h"
#include "escape.h"
#include "msg.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *
text_of(const char *s)
{
	return s ? s : "";
}

/* "file:line:col: text" of a miss, as text and json say it. */
static void
miss_line(Buf *b, const TestMiss *m)
{
	buf_printf(b, "%s:%d:%d: %s", m->file, m->line, m->col, m->text);
}

static void
counts_line(Buf *b, const TestResults *t)
{
	buf_printf(b, plural(t->n, "%d case: %d passed, %d failed", "%d cases: %d passed, %d failed"), t->n,
		   t->n - t->nfailed, t->nfailed);
}

static void
coverage_line(Buf *b, const TestResults *t)
{
	buf_printf(b, _("coverage: rules %d/%d, scopes %d/%d, alternatives %d/%d ("), t->rules_hit, t->nrules,
		   t->scopes_hit, t->nscopes, t->alts_hit, t->nalts);
	num_text(b, round(t->percent * 10) / 10);
	buf_puts(b, "%)");
}

static void
below_min(Buf *b, const TestResults *t)
{
	buf_puts(b, _("coverage below --min "));
	num_text(b, t->min);
	buf_putc(b, '%');
}

static void
test_text(const TestResults *t, Buf *out)
{
	for (int i = 0; i < t->n; i++) {
		const TestCase *c = &t->cases[i];
		buf_printf(out, "%s  %s\n", c->pass ? (t->update ? _("updated") : _("ok  ")) : _("FAIL"), c->dir);
		if (!c->pass)
			buf_puts(out, text_of(c->detail));
	}
	counts_line(out, t);
	buf_puts(out, t->update ? _(" (expect.txt written)\n") : "\n");
	if (t->coverage) {
		coverage_line(out, t);
		buf_putc(out, '\n');
		if (t->nmiss)
			buf_puts(out, _("not exercised:\n"));
		for (int i = 0; i < t->nmiss; i++) {
			miss_line(out, &t->miss[i]);
			buf_putc(out, '\n');
		}
	}
	if (t->short_) {
		below_min(out, t);
		buf_putc(out, '\n');
	}
}

static void
test_json(const TestResults *t, Buf *out)
{
	buf_puts(out, "{\n  \"cases\": [");
	for (int i = 0; i < t->n; i++) {
		const TestCase *c = &t->cases[i];
		buf_puts(out, i ? ",\n    {\"case\": " : "\n    {\"case\": ");
		json_cstr(out, c->dir);
		buf_printf(out, ", \"passed\": %s, \"detail\": ", c->pass ? "true" : "false");
		json_cstr(out, text_of(c->detail));
		buf_putc(out, '}');
	}
	buf_printf(out, "%s],\n  \"passed\": %d, \"failed\": %d,\n  \"coverage\": ", t->n ? "\n  " : "",
		   t->n - t->nfailed, t->nfailed);
	if (!t->coverage) {
		buf_puts(out, "null\n}\n");
		return;
	}
	buf_printf(out, "{\"rules\": {\"covered\": %d, \"total\": %d}, \"scopes\": {\"covered\": %d, \"total\": %d}, "
		   "\"alternatives\": {\"covered\": %d, \"total\": %d}, \"percent\": ", t->rules_hit, t->nrules,
		   t->scopes_hit, t->nscopes, t->alts_hit, t->nalts);
	num_text(out, round(t->percent * 10) / 10);
	buf_puts(out, ", \"missed\": [");
	Buf m = {0};
	for (int i = 0; i < t->nmiss; i++) {
		buf_puts(out, i ? ", " : "");
		m.len = 0;
		miss_line(&m, &t->miss[i]);
		json_str(out, m.p, m.len);
	}
	buf_free(&m);
	buf_puts(out, "]}\n}\n");
}

static void
test_junit(const TestResults *t, Buf *out)
{
	int tests = t->n + t->short_, failures = t->nfailed + t->short_;
	buf_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"coplan test\" tests=\"%d\" "
		   "failures=\"%d\">\n  <testsuite name=\"", tests, failures);
	xml_str(out, t->rules, strlen(t->rules));
	buf_printf(out, "\" tests=\"%d\" failures=\"%d\">\n", tests, failures);
	for (int i = 0; i < t->n; i++) {
		const TestCase *c = &t->cases[i];
		buf_puts(out, "    <testcase classname=\"coplan test\" name=\"");
		xml_str(out, c->dir, strlen(c->dir));
		if (c->pass) {
			buf_puts(out, "\"/>\n");
			continue;
		}
		buf_puts(out, "\">\n      <failure message=\"expect.txt differs\">");
		xml_str(out, text_of(c->detail), strlen(text_of(c->detail)));
		buf_puts(out, "</failure>\n    </testcase>\n");
	}
	if (t->short_) {
		Buf cov = {0};
		coverage_line(&cov, t);
		buf_putc(&cov, '\n');
		if (t->nmiss)
			buf_puts(&cov, _("not exercised:\n"));
		for (int i = 0; i < t->nmiss; i++) {
			miss_line(&cov, &t->miss[i]);
			buf_putc(&cov, '\n');
		}
		buf_puts(out, "    <testcase classname=\"coplan test\" name=\"coverage\">\n      <failure message=\"below --min\">");
		xml_str(out, cov.p, cov.len);
		buf_puts(out, "</failure>\n    </testcase>\n");
		buf_free(&cov);
	}
	buf_puts(out, "  </testsuite>\n</testsuites>\n");
}

/* An annotation for each failing case, on its expect.txt (or the file
 * that kept it from being checked), one for each thing not exercised
 * at its place in the rules, and the counts as the log's last lines. */
static void
test_github(const TestResults *t, Buf *out)
{
	for (int i = 0; i < t->n; i++) {
		const TestCase *c = &t->cases[i];
		if (c->pass)
			continue;
		buf_puts(out, "::error file=");
		gh_cstr(out, c->file ? c->file : c->dir, true);
		buf_puts(out, ",title=");
		gh_cstr(out, _("coplan test "), true);
		gh_cstr(out, c->dir, true);
		buf_puts(out, "::");
		gh_cstr(out, text_of(c->detail), false);
		buf_putc(out, '\n');
	}
	for (int i = 0; i < t->nmiss; i++) {
		const TestMiss *m = &t->miss[i];
		buf_printf(out, "::%s file=", t->short_ ? "error" : "notice");
		gh_cstr(out, m->file, true);
		buf_printf(out, ",line=%d,col=%d::", m->line, m->col);
		gh_cstr(out, m->text, false);
		buf_putc(out, '\n');
	}
	counts_line(out, t);
	buf_putc(out, '\n');
	if (t->coverage) {
		coverage_line(out, t);
		buf_putc(out, '\n');
	}
	if (t->short_) {
		buf_puts(out, "::error file=");
		gh_cstr(out, t->rules, true);
		buf_puts(out, "::");
		below_min(out, t);
		buf_putc(out, '\n');
	}
}

/* For a pull request's page or a job's summary: the counts, a table of
 * the cases, each failure's diff folded under its name, the coverage. */
static void
test_markdown(const TestResults *t, Buf *out)
{
	buf_puts(out, "### coplan test ");
	md_text(out, t->rules, strlen(t->rules));
	buf_puts(out, "\n\n");
	counts_line(out, t);
	buf_puts(out, t->update ? _(" (expect.txt written)\n\n") : _("\n\n| Case | Result |\n| --- | --- |\n"));
	for (int i = 0; i < t->n && !t->update; i++) {
		buf_puts(out, "| ");
		md_text(out, t->cases[i].dir, strlen(t->cases[i].dir));
		buf_puts(out, t->cases[i].pass ? _(" | passed |\n") : _(" | **failed** |\n"));
	}
	for (int i = 0; i < t->n; i++) {
		const TestCase *c = &t->cases[i];
		if (c->pass)
			continue;
		buf_puts(out, "\n<details><summary>");
		html_esc(out, c->dir, strlen(c->dir));
		/* a fence longer than any run of backticks in the text */
		int fence = 3;
		for (const char *s = text_of(c->detail); *s;) {
			int run = 0;
			while (s[run] == '`')
				run++;
			fence = run >= fence ? run + 1 : fence;
			s += run ? run : 1;
		}
		buf_puts(out, "</summary>\n\n");
		for (int k = 0; k < fence; k++)
			buf_putc(out, '`');
		buf_puts(out, c->diff ? "diff\n" : "\n");
		buf_puts(out, text_of(c->detail));
		for (int k = 0; k < fence; k++)
			buf_putc(out, '`');
		buf_puts(out, "\n\n</details>\n");
	}
	if (t->coverage) {
		buf_putc(out, '\n');
		coverage_line(out, t);
		if (t->short_) {
			buf_puts(out, ": **");
			below_min(out, t);
			buf_puts(out, "**");
		}
		buf_puts(out, "\n");
		if (t->nmiss)
			buf_puts(out, _("\nNot exercised:\n\n"));
		for (int i = 0; i < t->nmiss; i++) {
			const TestMiss *m = &t->miss[i];
			buf_puts(out, "- ");
			md_text(out, m->file, strlen(m->file));
			buf_printf(out, ":%d:%d: ", m->line, m->col);
			md_text(out, m->text, strlen(m->text));
			buf_putc(out, '\n');
		}
	}
}

void
test_report(const TestResults *t, TestFormat f, Buf *out)
{
	switch (f) {
	case TF_TEXT: test_text(t, out); break;
	case TF_JSON: test_json(t, out); break;
	case TF_JUNIT: test_junit(t, out); break;
	case TF_MARKDOWN: test_markdown(t, out); break;
	case TF_GITHUB: test_github(t, out); break;
	}
}

void
test_results_free(TestResults *t)
{
	for (int i = 0; i < t->n; i++) {
		free(t->cases[i].dir);
		free(t->cases[i].file);
		free(t->cases[i].detail);
	}
	for (int i = 0; i < t->nmiss; i++)
		free(t->miss[i].text);
	free(t->cases);
	free(t->miss);
}
