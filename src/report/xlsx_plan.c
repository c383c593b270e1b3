/* xlsx_plan.c: plan's proposal as an Excel workbook, written from the
 * plan's results (plan_issues.h) as every other report of it is. */
#include "xlsx_plan.h"
#include "msg.h"
#include "workbook.h"
#include "plan_table.h"
#include "plan_tree.h"
#include "attr_totals.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A row per (unit, role) with a requirement: the columns of the
 * model's sheet (plan_table.c), in its order; short where it leaves a
 * must rule broken, change where it changes the count. */
static void
plan_rows(Book *b, const Plan *pl, const PlanRows *res)
{
	const TableColumn *cols[PLAN_COLUMNS];
	int n = plan_columns(TAB_SHEET, cols), status;
	lxw_worksheet *ws = book_table_sheet(b, N_("Plan"), cols, n, "status", &status);
	Cell cell = {0};
	for (int i = 0; i < res->nrow; i++)
		for (int j = 0; j < n; j++) {
			plan_cell(cols[j], pl, res, &res->row[i], TAB_SHEET, &cell);
			if (cell.kind == CELL_TEXT || cell.kind == CELL_NAMED)
				book_text(b, ws, i + 1, j, cell.s, cell.len);
			else if (cell.kind != CELL_NONE)
				book_money(b, ws, i + 1, j, cell.num, cols[j]->right == COL_MONEY);
		}
	cell_free(&cell);
	book_colour(b, ws, res->nrow, status, "\"short\"", "\"change\"");
	book_finish(b, ws, res->nrow, n);
}

static void
plan_units(Book *b, const Plan *pl, const bool *selected)
{
	static const char *const heads[] = {N_("unit"), N_("name"), N_("kind"), N_("parent"), N_("current"), N_("proposed"), N_("delta")};
	static const double widths[] = {12, 28, 12, 12, 9, 9, 8};
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	lxw_worksheet *ws = book_sheet(b, N_("Units"), heads, widths, 7);
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
sums_row(Book *b, lxw_worksheet *ws, int row, const Sums *s, double cost)
{
	book_number(ws, row, 1, s->current);
	book_number(ws, row, 2, s->proposed);
	book_number(ws, row, 3, s->proposed - s->current);
	book_money(b, ws, row, 4, cost, true);
}

/* Each unit with units below it (of those shown), in id order: "under
 * ID", the sums of it and every unit below it.  The last row written. */
static int
subtree_rows(Book *b, lxw_worksheet *ws, const Plan *pl, const bool *selected, int row, bool costs)
{
	const Units *u = pl->c->u;
	UnitTree t;
	unit_tree_build(&t, u);
	Sums *own, *sub;
	plan_subtree_sums(pl, &t, &own, &sub);
	int *order = units_by_id(u);
	Buf label = {0};
	for (int i = 0; i < u->n; i++) {
		int k = order[i];
		if (unit_tree_leaf(&t, k) || !unit_shown(selected, k))
			continue;
		Str id = units_id(u, k);
		label.len = 0;
		buf_puts(&label, "under ");
		buf_put(&label, id.s, (size_t)id.len);
		book_text(b, ws, ++row, 0, label.p, label.len);
		sums_row(b, ws, row, &sub[k], costs ? sub[k].cost : 0);
	}
	buf_free(&label);
	free(order);
	free(own);
	free(sub);
	unit_tree_free(&t);
	return row;
}

/* By grade, by scope, in all; the people hired, released, moved and
 * placed; how far from proven a time limit left the plan. */
static void
plan_totals(Book *b, const Plan *pl, const Totals *t, const MoveTotals *mt, const bool *selected)
{
	static const char *const heads[] = {N_("total"), N_("current"), N_("proposed"), N_("delta"), N_("cost delta")};
	static const double widths[] = {24, 10, 10, 10, 12};
	const Program *p = pl->c->p;
	lxw_worksheet *ws = book_sheet(b, N_("Totals"), heads, widths, 5);
	int row = 0;
	Buf label = {0};
	for (int g = 0; g < t->ngrades; g++) {
		label.len = 0;
		buf_printf(&label, "grade %s", t->grades[g]);
		book_text(b, ws, ++row, 0, label.p, label.len);
		sums_row(b, ws, row, &t->by_grade[g], t->costs ? t->by_grade[g].cost : 0);
	}
	for (int s = 0; s < p->nscopes; s++) {
		label.len = 0;
		buf_printf(&label, "scope %s", p->scopes[s].name);
		book_text(b, ws, ++row, 0, label.p, label.len);
		sums_row(b, ws, row, &t->by_scope[s], t->costs ? t->by_scope[s].cost : 0);
	}
	for (int i = 0; i < t->nby_attr; i++)
		for (int v = 0; v < t->by_attr[i].n; v++) {
			const AttrTotals *a = &t->by_attr[i];
			label.len = 0;
			buf_printf(&label, "%s %s", a->name, attr_value_text(p, a->value[v]));
			book_text(b, ws, ++row, 0, label.p, label.len);
			sums_row(b, ws, row, &a->sums[v], t->costs ? a->sums[v].cost : 0);
		}
	row = subtree_rows(b, ws, pl, selected, row, t->costs);
	buf_free(&label);
	book_textz(b, ws, ++row, 0, "all");
	sums_row(b, ws, row, &t->all, t->all.cost);
	static const char *const people[] = {"hires", "releases", "moves", "placed"};
	const double counts[] = {mt->hires, mt->releases, mt->moves, mt->placed};
	for (int i = 0; i < 4; i++) {	/* people: in the delta column */
		book_textz(b, ws, ++row, 0, people[i]);
		book_number(ws, row, 3, counts[i]);
	}
	if (plan_unproven(pl)) {	/* a time limit stopped the search: said, with its gap */
		const SolveStop *w = &pl->solve.unproven;
		double gap = w->level >= 0 ? round(solve_gap(w->best, w->bound) * 100) / 100 : NAN;
		bool known = isfinite(gap);
		book_textz(b, ws, ++row, 0, known ? "not proven optimal (gap %)" : w->level >= 0 ? "not proven optimal (gap unknown)" : "not proven optimal");
		if (known)
			book_number(ws, row, 3, gap);
	}
	book_finish(b, ws, row, 5);
}

/* Moves, then placements and the people no unit took: those of the
 * selected units. */
static void
plan_people(Book *b, const Plan *pl, const bool *selected)
{
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	const Solve *s = &pl->solve;
	static const char *const mh[] = {N_("role"), N_("from"), N_("to"), N_("count")};
	static const double mw[] = {16, 12, 12, 8};
	lxw_worksheet *ws = book_sheet(b, N_("Moves"), mh, mw, 4);
	int row = 0;
	for (int i = 0; pl->whole && i < s->nmoves; i++) {
		const SolveMove *m = &s->moves[i];
		if (!unit_shown(selected, m->from) && !unit_shown(selected, m->to))
			continue;
		Str from = units_id(u, m->from), to = units_id(u, m->to);
		book_textz(b, ws, ++row, 0, p->roles[m->role].name);
		book_text(b, ws, row, 1, from.s, (size_t)from.len);
		book_text(b, ws, row, 2, to.s, (size_t)to.len);
		book_number(ws, row, 3, m->count);
	}
	book_finish(b, ws, row, 4);
	static const char *const ph[] = {N_("pool"), N_("role"), N_("unit"), N_("placed"), N_("not placed")};
	static const double pw[] = {20, 16, 12, 8, 11};
	ws = book_sheet(b, N_("Placements"), ph, pw, 5);
	row = 0;
	for (int j = 0; pl->whole && j < s->ncand; j++) {
		const SolveCand *a = &s->cand[j];
		int k = s->pair[a->pair].unit;
		if (a->count <= 0 || !unit_shown(selected, k))
			continue;
		Str id = units_id(u, k);
		book_textz(b, ws, ++row, 0, p->pools[a->pool].name);
		book_textz(b, ws, row, 1, p->roles[s->pair[a->pair].role].name);
		book_text(b, ws, row, 2, id.s, (size_t)id.len);
		book_number(ws, row, 3, a->count);
	}
	for (int j = 0; pl->whole && j < p->npools; j++) {
		if (s->unplaced[j] < 0.5)
			continue;
		book_textz(b, ws, ++row, 0, p->pools[j].name);
		book_textz(b, ws, row, 1, p->pools[j].what);
		book_number(ws, row, 4, s->unplaced[j]);
	}
	book_finish(b, ws, row, 5);
}

/* The budgets: what each limits (the change, or the total after the
 * plan), its limit, what the plan uses, what is left (below 0: over). */
static void
plan_budget_sheet(Book *b, const Plan *pl)
{
	static const char *const heads[] = {N_("budget"), N_("of"), N_("limit"), N_("used"), N_("left"), N_("stated at")};
	static const double widths[] = {12, 9, 14, 14, 14, 28};
	lxw_worksheet *ws = book_sheet(b, N_("Budget"), heads, widths, 6);
	BudgetUse bu[2];
	int n = plan_budgets(pl, bu);
	Buf at = {0};
	for (int i = 0; i < n; i++) {
		book_textz(b, ws, i + 1, 0, bu[i].kind == BUDGET_COST ? "cost" : "headcount");
		book_textz(b, ws, i + 1, 1, bu[i].total ? "total" : "change");
		book_money(b, ws, i + 1, 2, bu[i].limit, bu[i].kind == BUDGET_COST);
		book_money(b, ws, i + 1, 3, round(bu[i].used * 100) / 100, bu[i].kind == BUDGET_COST);
		book_money(b, ws, i + 1, 4, round((bu[i].limit - bu[i].used) * 100) / 100, bu[i].kind == BUDGET_COST);
		at.len = 0;
		if (bu[i].line)
			buf_printf(&at, "%s:%d", pl->c->p->files[bu[i].file], bu[i].line);
		else
			buf_puts(&at, "--budget-cost");
		book_text(b, ws, i + 1, 5, at.p, at.len);
	}
	buf_free(&at);
	book_finish(b, ws, n, 6);
}

static void
plan_rules(Book *b, const Program *p)
{
	static const char *const heads[] = {N_("rule"), N_("label"), N_("file"), N_("line"), N_("tier"), N_("role"), N_("scope"), N_("text")};
	static const double widths[] = {24, 36, 28, 6, 7, 16, 12, 70};
	lxw_worksheet *ws = book_sheet(b, N_("Rules"), heads, widths, 8);
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
xlsx_plan(const Plan *pl, const PlanRows *res, const Totals *t, const MoveTotals *mt, const bool *selected,
	  Buf *out)
{
	Diag *d = pl->c->diag;
	if (res->nrow >= SHEET_ROWS || pl->solve.nmoves >= SHEET_ROWS) {	/* said before the work */
		Book big = {.too_big = res->nrow >= SHEET_ROWS ? res->nrow : pl->solve.nmoves};
		book_refused(&big, d);
		return false;
	}
	Book b = {0};
	if (!book_open(&b)) {
		diag_plain(d, "cannot make the workbook: no temporary file");
		return false;
	}
	plan_rows(&b, pl, res);
	plan_totals(&b, pl, t, mt, selected);
	plan_units(&b, pl, selected);
	plan_rules(&b, pl->c->p);
	plan_people(&b, pl, selected);
	plan_budget_sheet(&b, pl);
	return book_close(&b, out, d);
}
