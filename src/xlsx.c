/* xlsx.c: check's findings as an Excel workbook (xlsx.h). */
#include "xlsx.h"
#include "out.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

typedef struct Book {
	lxw_workbook *wb;
	lxw_format *head, *error, *warning;
	char path[4096];
	Buf s;			/* a cell's text, NUL-terminated */
} Book;

/* A workbook in a temporary file; false when none can be made. */
static bool
book_open(Book *b)
{
	const char *dir = getenv("TMPDIR");
	snprintf(b->path, sizeof b->path, "%s/coplan-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(b->path);
	if (fd < 0)
		return false;
	close(fd);
	b->wb = workbook_new(b->path);
	if (!b->wb) {
		unlink(b->path);
		return false;
	}
	b->head = workbook_add_format(b->wb);
	format_set_bold(b->head);
	format_set_bottom(b->head, LXW_BORDER_THIN);
	b->error = workbook_add_format(b->wb);
	format_set_bg_color(b->error, 0xF4CCCC);
	format_set_font_color(b->error, 0x9C0006);
	b->warning = workbook_add_format(b->wb);
	format_set_bg_color(b->warning, 0xFFEB9C);
	format_set_font_color(b->warning, 0x9C5700);
	return true;
}

/* Closes the workbook and appends its bytes to out. */
static bool
book_close(Book *b, Buf *out)
{
	lxw_error e = workbook_close(b->wb);
	size_t len = 0;
	char *data = e == LXW_NO_ERROR ? read_file(b->path, &len) : NULL;
	unlink(b->path);
	buf_free(&b->s);
	if (!data)
		return false;
	buf_put(out, data, len);
	free(data);
	return true;
}

/* A sheet with its header row (bold, frozen) and its columns' widths. */
static lxw_worksheet *
sheet(Book *b, const char *name, const char *const *heads, const double *widths, int n)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
	for (int i = 0; i < n; i++) {
		worksheet_write_string(ws, 0, (lxw_col_t)i, heads[i], b->head);
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
	return ws;
}

/* The autofilter over the header and rows 1..rows. */
static void
finish(lxw_worksheet *ws, int rows, int cols)
{
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)rows, (lxw_col_t)(cols - 1));
}

static void
text(Book *b, lxw_worksheet *ws, int r, int c, const char *s, size_t n)
{
	b->s.len = 0;
	buf_put(&b->s, s, n);
	worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, buf_cstr(&b->s), NULL);
}

static void
textz(Book *b, lxw_worksheet *ws, int r, int c, const char *s)
{
	if (s)
		text(b, ws, r, c, s, strlen(s));
}

/* A number, or nothing for an open end. */
static void
number(lxw_worksheet *ws, int r, int c, double v)
{
	if (isfinite(v))
		worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, v, NULL);
}

/* Severities coloured in column col, rows 1..rows. */
static void
colour_severity(Book *b, lxw_worksheet *ws, int rows, int col)
{
	if (rows < 1)
		return;
	lxw_conditional_format cf = {0};
	cf.type = LXW_CONDITIONAL_TYPE_CELL;
	cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
	cf.value_string = "\"error\"";
	cf.format = b->error;
	worksheet_conditional_format_range(ws, 1, (lxw_col_t)col, (lxw_row_t)rows, (lxw_col_t)col, &cf);
	cf.value_string = "\"warning\"";
	cf.format = b->warning;
	worksheet_conditional_format_range(ws, 1, (lxw_col_t)col, (lxw_row_t)rows, (lxw_col_t)col, &cf);
}

/* The rule's name (id or file:line), label, file and line in columns
 * c.. c+3. */
static void
rule_cells(Book *b, lxw_worksheet *ws, const Program *p, int r, int row, int c)
{
	const Rule *u = &p->rules[r];
	Buf n = {0};
	out_rule(p, r, &n);
	text(b, ws, row, c, n.p, n.len);
	buf_free(&n);
	textz(b, ws, row, c + 1, u->label);
	textz(b, ws, row, c + 2, p->files[u->file]);
	number(ws, row, c + 3, u->line);
}

static void
findings(Book *b, const Check *c)
{
	static const char *const heads[] = {"unit", "name", "role", "grade", "count", "min", "max", "status",
					    "severity", "rule", "label", "file", "line", "message"};
	static const double widths[] = {12, 28, 16, 7, 8, 8, 8, 9, 9, 24, 36, 28, 6, 70};
	const Program *p = c->p;
	const Units *u = c->u;
	lxw_worksheet *ws = sheet(b, "Findings", heads, widths, 14);
	Buf m = {0};
	for (int i = 0; i < c->nf; i++) {
		const Finding *f = &c->f[i];
		int row = i + 1;
		Str id = units_id(u, f->unit), name = units_name(u, f->unit);
		text(b, ws, row, 0, id.s, (size_t)id.len);
		text(b, ws, row, 1, name.s, (size_t)name.len);
		textz(b, ws, row, 2, p->roles[f->role].name);
		textz(b, ws, row, 3, p->roles[f->role].grade);
		number(ws, row, 4, f->actual);
		number(ws, row, 5, f->v.min);
		number(ws, row, 6, f->v.max);
		textz(b, ws, row, 7, status_name(f->v.status));
		textz(b, ws, row, 8, f->v.error ? "error" : "warning");
		rule_cells(b, ws, p, f->v.rule, row, 9);
		m.len = 0;
		finding_message(c, f, &m);
		text(b, ws, row, 13, m.p, m.len);
	}
	buf_free(&m);
	colour_severity(b, ws, c->nf, 8);
	finish(ws, c->nf, 14);
}

static void
totals(Book *b, const Check *c, const ReportInfo *info)
{
	static const char *const heads[] = {"total", "units", "errors", "warnings"};
	static const double widths[] = {24, 10, 10, 10};
	const Program *p = c->p;
	lxw_worksheet *ws = sheet(b, "Totals", heads, widths, 4);
	int *n = xcalloc((size_t)p->nroles * 3 + 1, sizeof *n);	/* per role: units, errors, warnings */
	for (int i = 0; i < c->nf; i++) {
		const Finding *f = &c->f[i];
		int *r = n + 3 * f->role;
		r[0] += i == 0 || c->f[i - 1].unit != f->unit || c->f[i - 1].role != f->role;
		r[f->v.error ? 1 : 2]++;
	}
	int row = 0;
	for (int r = 0; r < p->nroles; r++) {
		if (!n[3 * r])
			continue;
		row++;
		textz(b, ws, row, 0, p->roles[r].name);
		for (int j = 0; j < 3; j++)
			number(ws, row, j + 1, n[3 * r + j]);
	}
	row++;
	textz(b, ws, row, 0, "all units checked");
	number(ws, row, 1, info->units);
	number(ws, row, 2, c->errors);
	number(ws, row, 3, c->warnings);
	free(n);
	finish(ws, row, 4);
}

static void
units(Book *b, const Check *c, const ReportInfo *info)
{
	static const char *const heads[] = {"unit", "name", "kind", "parent", "headcount", "errors", "warnings", "worst"};
	static const double widths[] = {12, 28, 12, 12, 10, 8, 9, 9};
	const Program *p = c->p;
	const Units *u = c->u;
	lxw_worksheet *ws = sheet(b, "Units", heads, widths, 8);
	int *order = units_by_id(u), *first = xmalloc((size_t)(u->n ? u->n : 1) * sizeof *first);
	for (int k = 0; k < u->n; k++)
		first[k] = -1;
	for (int i = c->nf - 1; i >= 0; i--)
		first[c->f[i].unit] = i;
	int row = 0;
	for (int j = 0; j < u->n; j++) {
		int k = order[j];
		if (info->selected && !info->selected[k])
			continue;
		row++;
		Str id = units_id(u, k), name = units_name(u, k);
		text(b, ws, row, 0, id.s, (size_t)id.len);
		text(b, ws, row, 1, name.s, (size_t)name.len);
		textz(b, ws, row, 2, prog_text(p, u->kind[k]));
		if (u->parent[k] >= 0) {
			Str pid = units_id(u, u->parent[k]);
			text(b, ws, row, 3, pid.s, (size_t)pid.len);
		}
		number(ws, row, 4, col_get(&u->counts.headcount, k));
		int e = 0, w = 0;
		for (int i = first[k]; i >= 0 && i < c->nf && c->f[i].unit == k; i++)
			*(c->f[i].v.error ? &e : &w) += 1;
		number(ws, row, 5, e);
		number(ws, row, 6, w);
		textz(b, ws, row, 7, e ? "error" : w ? "warning" : "ok");
	}
	free(order);
	free(first);
	colour_severity(b, ws, row, 7);
	finish(ws, row, 8);
}

static void
rules(Book *b, const Check *c)
{
	static const char *const heads[] = {"rule", "label", "file", "line", "tier", "role", "scope", "findings", "text"};
	static const double widths[] = {24, 36, 28, 6, 7, 16, 12, 9, 70};
	const Program *p = c->p;
	lxw_worksheet *ws = sheet(b, "Rules", heads, widths, 9);
	int *n = xcalloc((size_t)p->nrules + 1, sizeof *n);
	for (int i = 0; i < c->nf; i++)
		n[c->f[i].v.rule]++;
	for (int r = 0; r < p->nrules; r++) {
		const Rule *u = &p->rules[r];
		int row = r + 1;
		rule_cells(b, ws, p, r, row, 0);
		textz(b, ws, row, 4, u->should ? "should" : "must");
		textz(b, ws, row, 5, p->roles[u->role].name);
		textz(b, ws, row, 6, u->scope >= 0 ? p->scopes[u->scope].name : NULL);
		number(ws, row, 7, n[r]);
		textz(b, ws, row, 8, u->text);
	}
	free(n);
	finish(ws, p->nrules, 9);
}

bool
xlsx_check(Check *c, const ReportInfo *info, Buf *out)
{
	Book b = {0};
	if (!book_open(&b)) {
		diag_plain(c->diag, "cannot make the workbook: no temporary file");
		return false;
	}
	findings(&b, c);
	totals(&b, c, info);
	units(&b, c, info);
	rules(&b, c);
	if (!book_close(&b, out)) {
		diag_plain(c->diag, "cannot make the workbook");
		return false;
	}
	return true;
}
