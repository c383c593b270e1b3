/* xlsx.c: check's findings and plan's proposal as Excel workbooks
 * (xlsx.h).  The plan's workbook is made from its json report, so both
 * say the same. */
#define _GNU_SOURCE	/* memmem */
#include "xlsx.h"
#include "workbook.h"
#include "finding.h"
#include "json_read.h"
#include "plan_report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

static void
findings(Book *b, const Check *c)
{
	static const char *const heads[] = {"unit", "name", "role", "grade", "count", "min", "max", "status",
					    "severity", "rule", "label", "file", "line", "message"};
	static const double widths[] = {12, 28, 16, 7, 8, 8, 8, 9, 9, 24, 36, 28, 6, 70};
	const Program *p = c->p;
	const Units *u = c->u;
	lxw_worksheet *ws = book_sheet(b, "Findings", heads, widths, 14);
	Buf m = {0};
	for (int i = 0; i < c->nf; i++) {
		const Finding *f = &c->f[i];
		int row = i + 1;
		Str id = units_id(u, f->unit), name = units_name(u, f->unit);
		book_text(b, ws, row, 0, id.s, (size_t)id.len);
		book_text(b, ws, row, 1, name.s, (size_t)name.len);
		book_textz(b, ws, row, 2, prog_role_name(p, f->role));
		book_textz(b, ws, row, 3, prog_role_grade(p, f->role));
		book_number(ws, row, 4, f->actual);
		book_number(ws, row, 5, f->v.min);
		book_number(ws, row, 6, f->v.max);
		book_textz(b, ws, row, 7, status_name(f->v.status));
		book_textz(b, ws, row, 8, f->v.error ? "error" : "warning");
		book_rule_cells(b, ws, p, f->v.rule, row, 9);
		m.len = 0;
		finding_message(c, f, &m);
		book_text(b, ws, row, 13, m.p, m.len);
	}
	buf_free(&m);
	book_colour(b, ws, c->nf, 8, "\"error\"", "\"warning\"");
	book_finish(b, ws, c->nf, 14);
}

static void
totals(Book *b, const Check *c, const ReportInfo *info)
{
	static const char *const heads[] = {"total", "units", "errors", "warnings"};
	static const double widths[] = {24, 10, 10, 10};
	const Program *p = c->p;
	lxw_worksheet *ws = book_sheet(b, "Totals", heads, widths, 4);
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
	static const char *const heads[] = {"unit", "name", "kind", "parent", "headcount", "errors", "warnings", "worst"};
	static const double widths[] = {12, 28, 12, 12, 10, 8, 9, 9};
	const Program *p = c->p;
	const Units *u = c->u;
	lxw_worksheet *ws = book_sheet(b, "Units", heads, widths, 8);
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
	static const char *const heads[] = {"rule", "label", "file", "line", "tier", "role", "scope", "findings", "text"};
	static const double widths[] = {24, 36, 28, 6, 7, 16, 12, 9, 70};
	const Program *p = c->p;
	lxw_worksheet *ws = book_sheet(b, "Rules", heads, widths, 9);
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

/* ---- plan ---- */

static double
num_of(const Json *o, const char *key)
{
	const Json *v = json_get(o, key);
	return v && v->type == J_NUM ? v->num : NAN;
}

static const char *
str_of(const Json *o, const char *key)
{
	const Json *v = json_get(o, key);
	return v && v->type == J_STR ? v->str : NULL;
}

static int
arr_len(const Json *a)
{
	return a && a->type == J_ARR ? a->n : 0;
}

static const char *const *rule_names;	/* for cmp_rule: qsort has no context */

static int
cmp_rule(const void *a, const void *b)
{
	return strcmp(rule_names[*(const int *)a], rule_names[*(const int *)b]);
}

/* The rule a report names (its id, or file:line), or -1: by a search
 * in the rules sorted by name. */
static int
rule_named(Book *b, const Program *p, const char *name)
{
	if (!b->rule) {
		b->rule = xcalloc((size_t)p->nrules + 1, sizeof *b->rule);
		b->by_name = xmalloc((size_t)(p->nrules ? p->nrules : 1) * sizeof *b->by_name);
		for (int r = 0; r < p->nrules; r++) {
			Buf n = {0};
			out_rule(p, r, &n);
			b->rule[r] = n.p ? n.p : xcalloc(1, 1);
			b->by_name[r] = r;
		}
		rule_names = (const char *const *)b->rule;
		qsort(b->by_name, (size_t)p->nrules, sizeof *b->by_name, cmp_rule);
	}
	int lo = 0, hi = p->nrules;
	while (lo < hi) {
		int mid = (lo + hi) / 2, c = strcmp(b->rule[b->by_name[mid]], name);
		if (!c)
			return b->by_name[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The unresolved (unit, role)s of a plan's json, sorted: found by a
 * search for each row, not a walk. */
typedef struct UnitRole {
	const char *unit, *role;
} UnitRole;

static int
cmp_unit_role(const void *pa, const void *pb)
{
	const UnitRole *a = pa, *b = pb;
	int c = strcmp(a->unit, b->unit);
	return c ? c : strcmp(a->role, b->role);
}

static void
plan_rows(Book *b, const Plan *pl, const Json *top)
{
	static const char *const heads[] = {"unit", "name", "role", "grade", "current", "proposed", "delta", "moved",
					    "placed", "min", "max", "cost delta", "rules", "label", "file", "line", "status"};
	static const double widths[] = {12, 28, 16, 7, 9, 9, 8, 8, 8, 8, 8, 11, 28, 36, 28, 6, 10};
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	lxw_worksheet *ws = book_sheet(b, "Plan", heads, widths, 17);
	const Json *units = json_get(top, "units"), *short_ = json_get(top, "unresolved");
	int *order = units_by_id(u), at = 0, row = 0, nshort = arr_len(short_);
	Buf names = {0};
	UnitRole *left_out = xmalloc((size_t)(nshort ? nshort : 1) * sizeof *left_out);
	for (int k = 0; k < nshort; k++) {
		const char *su = str_of(short_->items[k], "unit"), *sr = str_of(short_->items[k], "role");
		left_out[k] = (UnitRole){su ? su : "", sr ? sr : ""};
	}
	qsort(left_out, (size_t)nshort, sizeof *left_out, cmp_unit_role);
	for (int i = 0; i < arr_len(units); i++) {
		const Json *x = units->items[i];
		const char *id = str_of(x, "unit");
		while (at < u->n) {	/* both in id order */
			Str s = units_id(u, order[at]);
			if ((size_t)s.len == strlen(id) && !memcmp(s.s, id, (size_t)s.len))
				break;
			at++;
		}
		Str name = at < u->n ? units_name(u, order[at]) : (Str){"", 0};
		const Json *roles = json_get(x, "roles");
		for (int j = 0; j < arr_len(roles); j++) {
			const Json *y = roles->items[j];
			row++;
			book_textz(b, ws, row, 0, id);
			book_text(b, ws, row, 1, name.s, (size_t)name.len);
			book_textz(b, ws, row, 2, str_of(y, "role"));
			book_textz(b, ws, row, 3, str_of(y, "grade"));
			static const char *const nums[] = {"current", "proposed", "delta", "moved", "placed", "min", "max"};
			for (int c = 0; c < 7; c++)
				book_number(ws, row, 4 + c, num_of(y, nums[c]));
			int r = -1;
			for (int k = 0; k < p->nroles && r < 0; k++)
				if (!strcmp(p->roles[k].name, str_of(y, "role")))
					r = k;
			if (r >= 0 && p->roles[r].has_cost)
				book_number(ws, row, 11, num_of(y, "delta") * p->roles[r].cost);
			const Json *rl = json_get(y, "rules");
			names.len = 0;
			for (int k = 0; k < arr_len(rl); k++)
				buf_printf(&names, "%s%s", k ? ", " : "", rl->items[k]->str);
			book_text(b, ws, row, 12, names.p ? names.p : "", names.len);
			int first = arr_len(rl) ? rule_named(b, p, rl->items[0]->str) : -1;
			if (first >= 0) {
				book_textz(b, ws, row, 13, p->rules[first].label);
				book_textz(b, ws, row, 14, p->files[p->rules[first].file]);
				book_number(ws, row, 15, p->rules[first].line);
			}
			/* short: a must the plan leaves broken; change: a change
			 * to make */
			const char *role = str_of(y, "role");
			UnitRole key = {id, role ? role : ""};
			bool left = nshort && bsearch(&key, left_out, (size_t)nshort, sizeof *left_out, cmp_unit_role);
			book_textz(b, ws, row, 16, left ? "short" : num_of(y, "delta") != 0 ? "change" : "ok");
		}
	}
	buf_free(&names);
	free(order);
	free(left_out);
	book_colour(b, ws, row, 16, "\"short\"", "\"change\"");
	book_finish(b, ws, row, 17);
}

static void
plan_units(Book *b, const Plan *pl, const bool *selected)
{
	static const char *const heads[] = {"unit", "name", "kind", "parent", "current", "proposed", "delta"};
	static const double widths[] = {12, 28, 12, 12, 9, 9, 8};
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	lxw_worksheet *ws = book_sheet(b, "Units", heads, widths, 7);
	int *order = units_by_id(u), row = 0;
	for (int j = 0; j < u->n; j++) {
		int k = order[j];
		if (selected && !selected[k])
			continue;
		book_unit_cells(b, ws, p, u, k, ++row);
		double cur = col_get(&u->counts.headcount, k), prop = col_get(&pl->proposed.headcount, k);
		book_number(ws, row, 4, cur);
		book_number(ws, row, 5, prop);
		book_number(ws, row, 6, prop - cur);
	}
	free(order);
	book_finish(b, ws, row, 7);
}

static void
plan_totals(Book *b, const Json *top)
{
	static const char *const heads[] = {"total", "current", "proposed", "delta", "cost delta"};
	static const double widths[] = {24, 10, 10, 10, 12};
	lxw_worksheet *ws = book_sheet(b, "Totals", heads, widths, 5);
	const Json *t = json_get(top, "totals");
	int row = 0;
	static const char *const groups[] = {"by_grade", "by_scope"}, *const prefix[] = {"grade ", "scope "};
	Buf label = {0};
	for (int g = 0; g < 2; g++) {
		const Json *o = json_get(t, groups[g]);
		for (int i = 0; o && o->type == J_OBJ && i < o->n; i++) {
			row++;
			label.len = 0;
			buf_printf(&label, "%s%s", prefix[g], o->keys[i]);
			book_text(b, ws, row, 0, label.p, label.len);
			static const char *const nums[] = {"current", "proposed", "delta", "cost_delta"};
			for (int c = 0; c < 4; c++)
				book_number(ws, row, 1 + c, num_of(o->items[i], nums[c]));
		}
	}
	buf_free(&label);
	row++;
	book_textz(b, ws, row, 0, "all");
	static const char *const nums[] = {"current", "proposed", "delta", "cost_delta"};
	for (int c = 0; c < 4; c++)
		book_number(ws, row, 1 + c, num_of(t, nums[c]));
	static const char *const people[] = {"hires", "releases", "moves", "placed"};
	for (int i = 0; i < 4; i++) {	/* people: in the delta column */
		row++;
		book_textz(b, ws, row, 0, people[i]);
		book_number(ws, row, 3, num_of(t, people[i]));
	}
	const Json *np = json_get(top, "not_proven");
	if (np) {	/* a time limit stopped the search: said, with its gap */
		row++;
		double gap = num_of(np, "gap");
		bool known = !isnan(gap), level = json_get(np, "level") != NULL;
		book_textz(b, ws, row, 0, known ? "not proven optimal (gap %)" : level ? "not proven optimal (gap unknown)" : "not proven optimal");
		if (known)
			book_number(ws, row, 3, gap);
	}
	book_finish(b, ws, row, 5);
}

/* Moves, then placements and the people no unit took. */
static void
plan_people(Book *b, const Json *top)
{
	static const char *const mh[] = {"role", "from", "to", "count"};
	static const double mw[] = {16, 12, 12, 8};
	lxw_worksheet *ws = book_sheet(b, "Moves", mh, mw, 4);
	const Json *m = json_get(top, "moves");
	for (int i = 0; i < arr_len(m); i++) {
		book_textz(b, ws, i + 1, 0, str_of(m->items[i], "role"));
		book_textz(b, ws, i + 1, 1, str_of(m->items[i], "from"));
		book_textz(b, ws, i + 1, 2, str_of(m->items[i], "to"));
		book_number(ws, i + 1, 3, num_of(m->items[i], "count"));
	}
	book_finish(b, ws, arr_len(m), 4);
	static const char *const ph[] = {"pool", "role", "unit", "placed", "not placed"};
	static const double pw[] = {20, 16, 12, 8, 11};
	ws = book_sheet(b, "Placements", ph, pw, 5);
	const Json *pls = json_get(top, "placements"), *un = json_get(top, "unplaced");
	int row = 0;
	for (int i = 0; i < arr_len(pls); i++) {
		row++;
		book_textz(b, ws, row, 0, str_of(pls->items[i], "pool"));
		book_textz(b, ws, row, 1, str_of(pls->items[i], "role"));
		book_textz(b, ws, row, 2, str_of(pls->items[i], "unit"));
		book_number(ws, row, 3, num_of(pls->items[i], "count"));
	}
	for (int i = 0; i < arr_len(un); i++) {
		row++;
		book_textz(b, ws, row, 0, str_of(un->items[i], "pool"));
		book_textz(b, ws, row, 1, str_of(un->items[i], "role"));
		book_number(ws, row, 4, num_of(un->items[i], "count"));
	}
	book_finish(b, ws, row, 5);
}

static void
plan_rules(Book *b, const Program *p)
{
	static const char *const heads[] = {"rule", "label", "file", "line", "tier", "role", "scope", "text"};
	static const double widths[] = {24, 36, 28, 6, 7, 16, 12, 70};
	lxw_worksheet *ws = book_sheet(b, "Rules", heads, widths, 8);
	for (int r = 0; r < p->nrules; r++) {
		const Rule *u = &p->rules[r];
		book_rule_cells(b, ws, p, r, r + 1, 0);
		book_textz(b, ws, r + 1, 4, u->should ? "should" : "must");
		book_textz(b, ws, r + 1, 5, prog_role_name(p, u->role));
		book_textz(b, ws, r + 1, 6, u->scope >= 0 ? p->scopes[u->scope].name : NULL);
		book_textz(b, ws, r + 1, 7, u->text);
	}
	book_finish(b, ws, p->nrules, 8);
}

bool
xlsx_plan(const Plan *pl, const bool *selected, Buf *out, int *unresolved)
{
	Check *c = pl->c;
	Buf j = {0};
	if (!plan_report(pl, PF_JSON, selected, &j, NULL, unresolved)) {
		buf_free(&j);
		return false;
	}
	/* a row per (unit, role): too many for a sheet is said before the
	 * work of parsing them */
	int rows = 0;
	for (const char *q = j.p; (q = memmem(q, j.len - (size_t)(q - j.p), "{\"role\": ", 9)); q += 9)
		rows++;
	if (rows >= SHEET_ROWS) {
		Book big = {.too_big = rows};
		book_refused(&big, c->diag);
		buf_free(&j);
		return false;
	}
	Arena a = {0};
	const Json *top = json_parse(&a, c->diag, diag_add_file(c->diag, "(the plan)", j.p, j.len, -1));
	Book b = {0};
	bool ok = top && book_open(&b);
	if (ok) {
		plan_rows(&b, pl, top);
		plan_totals(&b, top);
		plan_units(&b, pl, selected);
		plan_rules(&b, c->p);
		plan_people(&b, top);
		ok = book_close(&b, out, c->diag);
	} else if (top) {
		diag_plain(c->diag, "cannot make the workbook: no temporary file");
	}
	arena_free(&a);
	return ok;
}
