/* xlsx.c: check's findings as an Excel workbook (xlsx.h); plan's is
 * xlsx_plan.c's. */
#include "xlsx.h"
#include "msg.h"
#include "workbook.h"
#include "attr_totals.h"
#include "finding_table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* A row per finding: the columns of the model's sheet, in its order. */
static void
findings(Book *b, const Check *c)
{
	const TableColumn *cols[32];
	int n = finding_columns(TAB_SHEET, cols), severity;
	lxw_worksheet *ws = book_table_sheet(b, N_("Findings"), cols, n, "severity", &severity);
	Cell cell = {0};
	for (int i = 0; i < c->nf; i++)
		for (int j = 0; j < n; j++) {
			finding_cell(cols[j], c, &c->f[i], &cell);
			if (cell.kind == CELL_TEXT)
				book_text(b, ws, i + 1, j, cell.s, cell.len);
			else if (cell.kind == CELL_NUM)
				book_number(ws, i + 1, j, cell.num);
		}
	cell_free(&cell);
	book_colour(b, ws, c->nf, severity, "\"error\"", "\"warning\"");
	book_finish(b, ws, c->nf, n);
}

static void
totals(Book *b, const Check *c, const ReportInfo *info)
{
	static const char *const heads[] = {N_("total"), N_("units"), N_("errors"), N_("warnings")};
	static const double widths[] = {24, 10, 10, 10};
	const Program *p = c->p;
	lxw_worksheet *ws = book_sheet(b, N_("Totals"), heads, widths, 4);
	/* per role, then the asserts: units, errors, warnings */
	int *n = xcalloc((size_t)p->nroles * 3 + 4, sizeof *n);
	for (int i = 0; i < c->nf; i++) {
		const Finding *f = &c->f[i];
		int *r = n + 3 * (f->role >= 0 ? f->role : p->nroles);
		r[0] += i == 0 || c->f[i - 1].unit != f->unit || c->f[i - 1].role != f->role;
		r[f->v.error ? 1 : 2]++;
	}
	int row = 0;
	for (int r = 0; r <= p->nroles; r++) {
		if (!n[3 * r])
			continue;
		row++;
		book_textz(b, ws, row, 0, r < p->nroles ? p->roles[r].name : "checks on the data (assert)");
		for (int j = 0; j < 3; j++)
			book_number(ws, row, j + 1, n[3 * r + j]);
	}
	for (int i = 0; i < info->nby_attr; i++) {	/* --totals-by: units, errors, warnings per value */
		AttrTotals a;
		attr_totals_check(&a, c, info->selected, info->baseline != NULL, info->by_attr[i]);
		Buf label = {0};
		for (int v = 0; v < a.n; v++) {
			label.len = 0;
			buf_printf(&label, "%s %s", a.name, attr_value_text(p, a.value[v]));
			book_text(b, ws, ++row, 0, label.p, label.len);
			book_number(ws, row, 1, a.sums[v].units);
			book_number(ws, row, 2, a.errors[v]);
			book_number(ws, row, 3, a.warnings[v]);
		}
		buf_free(&label);
		attr_totals_free(&a);
	}
	row++;
	book_textz(b, ws, row, 0, "all units checked");
	book_number(ws, row, 1, info->units);
	book_number(ws, row, 2, c->errors);
	book_number(ws, row, 3, c->warnings);
	free(n);
	book_finish(b, ws, row, 4);
}

static void
units(Book *b, const Check *c, const ReportInfo *info)
{
	static const char *const heads[] = {N_("unit"), N_("name"), N_("kind"), N_("parent"), N_("headcount"), N_("errors"), N_("warnings"), N_("worst")};
	static const double widths[] = {12, 28, 12, 12, 10, 8, 9, 9};
	const Program *p = c->p;
	const Units *u = c->u;
	lxw_worksheet *ws = book_sheet(b, N_("Units"), heads, widths, 8);
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
		book_unit_cells(b, ws, p, u, k, ++row);
		book_number(ws, row, 4, col_get(&u->counts.headcount, k));
		int e = 0, w = 0;
		for (int i = first[k]; i >= 0 && i < c->nf && c->f[i].unit == k; i++)
			*(c->f[i].v.error ? &e : &w) += 1;
		book_number(ws, row, 5, e);
		book_number(ws, row, 6, w);
		book_textz(b, ws, row, 7, e ? "error" : w ? "warning" : "ok");
	}
	free(order);
	free(first);
	book_colour(b, ws, row, 7, "\"error\"", "\"warning\"");
	book_finish(b, ws, row, 8);
}

static void
rules(Book *b, const Check *c)
{
	static const char *const heads[] = {N_("rule"), N_("label"), N_("file"), N_("line"), N_("tier"), N_("role"), N_("scope"), N_("findings"), N_("text")};
	static const double widths[] = {24, 36, 28, 6, 7, 16, 12, 9, 70};
	const Program *p = c->p;
	lxw_worksheet *ws = book_sheet(b, N_("Rules"), heads, widths, 9);
	int *n = xcalloc((size_t)p->nrules + 1, sizeof *n);
	for (int i = 0; i < c->nf; i++)
		n[c->f[i].v.rule]++;
	for (int r = 0; r < p->nrules; r++) {
		const Rule *u = &p->rules[r];
		int row = r + 1;
		book_rule_cells(b, ws, p, r, row, 0);
		book_textz(b, ws, row, 4, u->should ? "should" : "must");
		book_textz(b, ws, row, 5, prog_role_name(p, u->role));
		book_textz(b, ws, row, 6, u->scope >= 0 ? p->scopes[u->scope].name : NULL);
		book_number(ws, row, 7, n[r]);
		book_textz(b, ws, row, 8, u->text);
	}
	free(n);
	book_finish(b, ws, p->nrules, 9);
}

bool
xlsx_check(Check *c, const ReportInfo *info, Buf *out)
{
	Book b = {0};
	if (c->nf >= SHEET_ROWS || info->units >= SHEET_ROWS) {
		b.too_big = c->nf > info->units ? c->nf : info->units;
		book_refused(&b, c->diag);
		return false;
	}
	if (!book_open(&b)) {
		diag_plain(c->diag, "cannot make the workbook: no temporary file");
		return false;
	}
	findings(&b, c);
	totals(&b, c, info);
	units(&b, c, info);
	rules(&b, c);
	return book_close(&b, out, c->diag);
}
