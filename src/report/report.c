/* report.c: findings as text, JSON, CSV, GitHub workflow commands and
 * Markdown; JUnit XML (junit.c), SARIF 2.1.0 (sarif.c), html and xlsx
 * by their own writers. */
#include "report.h"
#include "msg.h"
#include "finding.h"
#include "finding_table.h"
#include "check_totals.h"
#include "html.h"
#include "xlsx.h"
#include "sarif.h"
#include "junit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "par.h"
#include "files.h"


/* With a baseline, the text, github and markdown reports show only the
 * new and worse findings (json and sarif mark each). */
static bool
shown(const ReportInfo *info, const Finding *f)
{
	return !f->waiver && (!info->baseline || base_counts(f->base));
}

static void
baseline_line(const ReportInfo *info, Buf *out)
{
	const Baseline *b = info->baseline;
	if (b)
		buf_printf(out, _("%d new, %d worse, %d unchanged, %d better (baseline), %d fixed\n"), b->nnew, b->nworse,
			   b->nunchanged, b->nbetter, b->nfixed);
	if (info->waivers)
		buf_printf(out, _("%d waived\n"), info->waivers->nwaived);
}

static void
json_waived(const ReportInfo *info, const Finding *f, Buf *out)
{
	if (!f->waiver)
		return;
	const Waiver *v = &info->waivers->w[f->waiver - 1];
	buf_puts(out, ", \"waived\": {\"until\": ");
	json_cstr(out, v->until);
	buf_puts(out, ", \"reason\": ");
	json_cstr(out, v->reason);
	buf_putc(out, '}');
}

/* One finding's line, row i of rows(); m is scratch. */
typedef void RowFn(const Check *c, const ReportInfo *info, int i, Buf *out, Buf *m);

typedef struct RowJob {
	const Check *c;
	const ReportInfo *info;
	RowFn *fn;
	Buf *part;
	int n, from, to;	/* n parts of findings from..to */
} RowJob;

static void
check_rows_part(void *arg, int k, int from, int to)
{
	RowJob *r = arg;
	Buf m = {0};
	for (int i = r->from + from; i < r->from + to; i++)
		r->fn(r->c, r->info, i, &r->part[k], &m);
	buf_free(&m);
}

enum {
	ROWS_PART = 8192,	/* findings a part writes, at most */
	ROWS_LEAST = 2048,	/* a part of fewer is not worth a thread */
};

/* Every finding's row, written by fn: a block at a time, in parts on
 * threads, put together in order (the first part straight into out);
 * with a sink, each block goes out as soon as it is made, so that the
 * rows are never all in memory at once. */
static void
rows(const Check *c, const ReportInfo *info, RowFn *fn, Buf *out)
{
	int most = par_parts(c->nf, ROWS_LEAST);
	Buf *part = xcalloc((size_t)most, sizeof *part);
	for (int at = 0; at < c->nf;) {
		int end = c->nf - at > most * ROWS_PART ? at + most * ROWS_PART : c->nf;
		RowJob r = {c, info, fn, part, par_parts(end - at, ROWS_LEAST), at, end};
		part[0] = *out;
		par_ranges(end - at, r.n, check_rows_part, &r);
		*out = part[0];
		for (int k = 1; k < r.n; k++) {
			buf_put(out, part[k].p, part[k].len);
			part[k].len = 0;
		}
		if (info->sink)
			sink_spill(info->sink, out);
		at = end;
	}
	for (int k = 1; k < most; k++)
		buf_free(&part[k]);
	free(part);
}

static void
text_row(const Check *c, const ReportInfo *info, int i, Buf *out, Buf *m)
{
	const Program *p = c->p;
	const Finding *f = &c->f[i];
	const Rule *r = &p->rules[f->v.rule];
	const char *sev = f->v.error ? _("error") : _("warning");
	if (!shown(info, f))
		return;
	if (info->color)
		buf_printf(out, "\033[1;%sm%s\033[0m", f->v.error ? "31" : "33", sev);
	else
		buf_puts(out, sev);
	buf_puts(out, ": ");
	buf_put_text(out, f->id.s, (size_t)f->id.len);
	buf_puts(out, ": ");
	m->len = 0;
	finding_message(c, f, m);
	buf_put_text(out, m->p, m->len);
	buf_puts(out, " [");
	if (r->id) {
		buf_puts(out, r->id);
		buf_puts(out, ", ");
	}
	buf_puts(out, p->files[r->file]);
	buf_putc(out, ':');
	buf_int(out, r->line);
	buf_puts(out, "]\n");
}

static void
text(Check *c, const ReportInfo *info, Buf *out)
{
	const Program *p = c->p;
	rows(c, info, text_row, out);
	Buf n = {0};
	buf_printf(out, plural(info->units, "%s unit", "%s units"), count_text(&n, info->units));
	buf_printf(out, plural(p->nrules, ", %s rule: ", ", %s rules: "), count_text(&n, p->nrules));
	buf_printf(out, plural(c->errors, "%s error, ", "%s errors, "), count_text(&n, c->errors));
	buf_printf(out, plural(c->warnings, "%s warning\n", "%s warnings\n"), count_text(&n, c->warnings));
	buf_free(&n);
	baseline_line(info, out);
	check_totals_table(c, info, TAB_CSV, out);	/* text */
}

/* "warnings": every warning of the run (about the rules or the data),
 * in the order stderr shows them. */
static void
json_warnings(Diag *d, Buf *out)
{
	diag_sort(d);
	buf_puts(out, "  \"warnings\": [");
	int n = 0;
	for (int i = 0; i < d->nmsgs; i++) {
		const DiagMsg *w = &d->msgs[i];
		if (w->level != DIAG_WARNING)
			continue;
		buf_puts(out, n++ ? ",\n    {\"kind\": " : "\n    {\"kind\": ");
		json_cstr(out, w->kind ? w->kind : "input");
		if (w->kind && !strcmp(w->kind, "unused-rule")) {
			buf_puts(out, ", \"rule\": ");
			if (w->rule)
				json_cstr(out, w->rule);
			else
				buf_puts(out, "null");
		}
		if (w->scope) {
			buf_puts(out, ", \"scope\": ");
			json_cstr(out, w->scope);
		}
		buf_puts(out, ", \"file\": ");
		if (w->loc.file >= 0) {
			json_cstr(out, d->files[w->loc.file].path);
			buf_printf(out, ", \"line\": %d, \"column\": %d", w->loc.first_line, w->loc.first_column);
		} else {
			buf_puts(out, "null, \"line\": null, \"column\": null");
		}
		buf_puts(out, ", \"message\": ");
		json_cstr(out, w->text);
		buf_putc(out, '}');
	}
	buf_puts(out, n ? "\n  ]\n" : "]\n");
}

static void
json_row(const Check *c, const ReportInfo *info, int i, Buf *out, Buf *m)
{
	const Program *p = c->p;
	const Finding *f = &c->f[i];
	const Rule *r = &p->rules[f->v.rule];
	buf_puts(out, i ? ",\n    {\"unit\": " : "\n    {\"unit\": ");
	json_str(out, f->id.s, (size_t)f->id.len);
	buf_puts(out, ", \"role\": ");
	if (f->role >= 0)
		json_cstr(out, prog_role_name(p, f->role));
	else
		buf_puts(out, "null");	/* an assert */
	buf_puts(out, ", \"status\": \"");
	buf_puts(out, status_name(f->v.status));
	buf_puts(out, f->v.error ? "\", \"severity\": \"error\"" : "\", \"severity\": \"warning\"");
	json_key_num(out, "actual", f->actual);
	json_key_num(out, "min", f->v.min);
	json_key_num(out, "max", f->v.max);
	buf_puts(out, ", \"rule\": ");
	if (r->id)
		json_cstr(out, r->id);
	else
		buf_puts(out, "null");
	buf_puts(out, ", \"file\": ");
	json_cstr(out, p->files[r->file]);
	buf_puts(out, ", \"line\": ");
	buf_int(out, r->line);
	buf_puts(out, ", \"message\": ");
	m->len = 0;
	finding_message(c, f, m);
	json_str(out, m->p, m->len);
	if (info->baseline)
		buf_printf(out, ", \"baseline\": \"%s\"", base_name(f->base));
	json_waived(info, f, out);
	buf_putc(out, '}');
}

static void
json(Check *c, const ReportInfo *info, Buf *out)
{
	const Program *p = c->p;
	const Baseline *b = info->baseline;
	buf_printf(out, "{\n  \"summary\": {\"units\": %d, \"rules\": %d, \"errors\": %d, \"warnings\": %d",
		   info->units, p->nrules, c->errors, c->warnings);
	if (b)
		buf_printf(out, ", \"new\": %d, \"worse\": %d, \"unchanged\": %d, \"better\": %d, \"fixed\": %d", b->nnew,
			   b->nworse, b->nunchanged, b->nbetter, b->nfixed);
	if (info->waivers)
		buf_printf(out, ", \"waived\": %d", info->waivers->nwaived);
	check_totals_json(c, info, out);
	buf_puts(out, "},\n  \"findings\": [");
	rows(c, info, json_row, out);
	buf_puts(out, c->nf ? "\n  ],\n" : "],\n");
	for (int i = 0, n = 0; b && i <= b->n; i++) {	/* what the baseline had and is gone */
		if (i == b->n) {
			buf_puts(out, n ? "\n  ],\n" : "  \"fixed\": [],\n");
			break;
		}
		const BaseEntry *e = &b->e[i];
		if (e->seen || e->outside)
			continue;
		const char *keys[] = {"unit", "role", "status", "severity", "rule", "message"};
		const char *vals[] = {e->unit, e->role, e->status, e->severity, e->rule, e->message};
		buf_puts(out, n++ ? ",\n    {" : "  \"fixed\": [\n    {");
		for (int k = 0; k < 6; k++) {
			buf_printf(out, "%s\"%s\": ", k ? ", " : "", keys[k]);
			json_cstr(out, vals[k]);
		}
		buf_putc(out, '}');
	}
	json_warnings(c->diag, out);
	buf_puts(out, "}\n");
}

/* Row i of the CSV report: the columns of the model, in its order. */
static void
csv_row(const Check *c, const ReportInfo *info, int i, Buf *out, Buf *m)
{
	(void)info;
	const TableColumn *cols[32];
	int n = finding_columns(TAB_CSV, cols);
	Cell cell = {.text = *m};
	for (int j = 0; j < n; j++) {
		cell_sep(out, TAB_CSV, j);
		finding_cell(cols[j], c, &c->f[i], &cell);
		cell_csv(out, &cell);
	}
	cell_row_end(out, TAB_CSV);
	*m = cell.text;
}

static void
csv(Check *c, const ReportInfo *info, Buf *out)
{
	finding_head(TAB_CSV, out);
	rows(c, info, csv_row, out);
}

/* GitHub annotations on the data row the pull request changed; the
 * rule is named in the message. */
static void
github(Check *c, const ReportInfo *info, Buf *out)
{
	const Program *p = c->p;
	Buf m = {0};
	for (int i = 0; i < c->nf; i++) {
		const Finding *f = &c->f[i];
		const Rule *r = &p->rules[f->v.rule];
		if (!shown(info, f))
			continue;
		const char *path;
		int line = report_unit_row(c, info, f->unit, &path);
		buf_printf(out, "::%s file=", f->v.error ? "error" : "warning");
		gh_esc(out, path, strlen(path), true);
		buf_printf(out, ",line=%d,title=", line);
		m.len = 0;
		buf_put_text(&m, f->id.s, (size_t)f->id.len);
		if (f->role >= 0)
			buf_printf(&m, " %s", prog_role_name(p, f->role));
		gh_esc(out, m.p, m.len, true);
		buf_puts(out, "::");
		m.len = 0;
		finding_message(c, f, &m);
		buf_puts(&m, " [");
		out_rule(p, f->v.rule, &m);
		if (r->id)
			buf_printf(&m, ", %s:%d", p->files[r->file], r->line);
		buf_putc(&m, ']');
		gh_esc(out, m.p, m.len, false);
		buf_putc(out, '\n');
	}
	/* warnings about the rules or the data, where they are */
	const Diag *d = c->diag;
	for (int i = 0; i < d->nmsgs; i++) {
		const DiagMsg *w = &d->msgs[i];
		if (w->level != DIAG_WARNING)
			continue;
		buf_puts(out, "::warning");
		if (w->loc.file >= 0) {
			buf_puts(out, " file=");
			const char *path = d->files[w->loc.file].path;
			gh_esc(out, path, strlen(path), true);
			buf_printf(out, ",line=%d,col=%d", w->loc.first_line, w->loc.first_column);
		}
		buf_puts(out, "::");
		gh_esc(out, w->text, strlen(w->text), false);
		buf_putc(out, '\n');
	}
	buf_free(&m);
}

/* The baseline's findings that are gone, for a reviewer to see what a
 * change fixed. */
static void
markdown_fixed(const Baseline *b, Buf *out)
{
	int n = 0;
	for (int i = 0; b && i < b->n; i++) {
		const BaseEntry *e = &b->e[i];
		if (e->seen || e->outside)
			continue;
		if (!n++)
			buf_puts(out, _("\nFixed since the baseline:\n\n| unit | role | severity | finding | rule |\n"
					  "| --- | --- | --- | --- | --- |\n"));
		buf_puts(out, "| ");
		const char *vals[] = {e->unit, e->role, e->severity, e->message, e->rule};
		for (int k = 0; k < 5; k++) {
			md_text(out, vals[k] ? vals[k] : "", vals[k] ? strlen(vals[k]) : 0);
			buf_puts(out, k < 4 ? " | " : " |\n");
		}
	}
}

/* For a pull-request comment or a job summary: the counts, a table of
 * the findings, those fixed, the warnings about the rules and the data. */
static void
markdown(Check *c, const ReportInfo *info, Buf *out)
{
	const Program *p = c->p;
	buf_puts(out, "### coplan check\n\n");
	Buf t = {0};
	buf_printf(out, plural(c->errors, "**%s error, ", "**%s errors, "), count_text(&t, c->errors));
	buf_printf(out, plural(c->warnings, "%s warning**", "%s warnings**"), count_text(&t, c->warnings));
	buf_printf(out, plural(info->units, " in %s unit", " in %s units"), count_text(&t, info->units));
	buf_printf(out, plural(p->nrules, ", %s rule.\n\n", ", %s rules.\n\n"), count_text(&t, p->nrules));
	buf_free(&t);
	if (info->baseline) {
		baseline_line(info, out);
		buf_puts(out, info->baseline->nnew + info->baseline->nworse ? _("\nThe new and worse findings:\n\n")
								      : _("\nNo new or worse finding.\n"));
	}
	int listed = 0;
	for (int i = 0; i < c->nf; i++)
		listed += shown(info, &c->f[i]);
	if (info->waivers && !info->baseline) {
		baseline_line(info, out);
		buf_putc(out, '\n');
	}
	const TableColumn *cols[32];
	int ncols = finding_columns(TAB_MARKDOWN, cols);
	if (listed)
		finding_head(TAB_MARKDOWN, out);
	else if (!info->baseline) {
		buf_puts(out, _("Every unit meets the rules.\n"));
	}
	Buf m = {0};
	Cell cell = {0};
	for (int i = 0; i < c->nf; i++) {
		const Finding *f = &c->f[i];
		if (!shown(info, f))
			continue;
		for (int j = 0; j < ncols; j++) {
			cell_sep(out, TAB_MARKDOWN, j);
			finding_cell(cols[j], c, f, &cell);
			cell_md(out, &cell);
		}
		cell_row_end(out, TAB_MARKDOWN);
	}
	cell_free(&cell);
	markdown_fixed(info->baseline, out);
	check_totals_table(c, info, TAB_MARKDOWN, out);
	const Diag *d = c->diag;
	int n = 0;
	for (int i = 0; i < d->nmsgs; i++) {
		const DiagMsg *w = &d->msgs[i];
		if (w->level != DIAG_WARNING)
			continue;
		buf_puts(out, n++ ? "- " : _("\nWarnings about the rules or the data:\n\n- "));
		if (w->loc.file >= 0) {
			m.len = 0;
			buf_printf(&m, "%s:%d: ", d->files[w->loc.file].path, w->loc.first_line);
			md_text(out, m.p, m.len);
		}
		md_text(out, w->text, strlen(w->text));
		buf_putc(out, '\n');
	}
	buf_free(&m);
}

bool
report_check(Check *c, Format f, const ReportInfo *info, Buf *out)
{
	switch (f) {
	case FMT_TEXT: text(c, info, out); break;
	case FMT_JSON: json(c, info, out); break;
	case FMT_CSV: csv(c, info, out); break;
	case FMT_JUNIT: return junit_write(c, info, out);
	case FMT_SARIF: sarif_write(c, info, out); break;
	case FMT_GITHUB: github(c, info, out); break;
	case FMT_CODEQUALITY: codequality_write(c, info, out); break;
	case FMT_MARKDOWN: markdown(c, info, out); break;
	case FMT_HTML: return html_check(c, info, out);
	case FMT_XLSX: return xlsx_check(c, info, out);
	}
	return true;
}
