/* plan_table.c: the columns of a plan's tabular reports (see
 * plan_table.h).  Each row: its headers (CSV, Markdown, HTML, sheet), its
 * places there, its width in a sheet, whether it is a number, its cell. */
#include "plan_table.h"
#include "msg.h"

#include <math.h>
#include <string.h>

#include "plan_sums.h"
#include "rule_text.h"

#define ROW const Plan *pl, const PlanRows *res, const PlanRow *w, TableKind t, Cell *out

static const Role *
role_of(const Plan *pl, const PlanRow *w)
{
	return &pl->c->p->roles[w->role];
}

static void
p_unit(ROW)
{
	(void)res;
	Str id = units_id(pl->c->u, w->unit);
	cell_str(out, id.s, (size_t)id.len);
	if (t == TAB_HTML) {	/* the name beside it */
		Str name = units_name(pl->c->u, w->unit);
		out->kind = CELL_NAMED;
		out->sub = name.s, out->sublen = (size_t)name.len;
	}
}

static void
p_name(ROW)
{
	(void)res, (void)t;
	Str name = units_name(pl->c->u, w->unit);
	cell_str(out, name.s, (size_t)name.len);
}

static void
p_role(ROW)
{
	(void)res, (void)t;
	cell_text(out, role_of(pl, w)->name);
}

static void
p_grade(ROW)
{
	(void)res, (void)t;
	cell_text(out, role_of(pl, w)->grade);
}

static void
p_current(ROW)
{
	(void)pl, (void)res, (void)t;
	cell_num(out, w->current);
}

static void
p_proposed(ROW)
{
	(void)pl, (void)res, (void)t;
	cell_num(out, w->proposed);
}

static void
p_delta(ROW)
{
	(void)pl, (void)res, (void)t;
	out->kind = CELL_DELTA;
	out->num = w->proposed - w->current;
}

static void
p_moved(ROW)
{
	(void)res, (void)t;
	double moved, placed;
	moves_at(pl, w->unit, w->role, &moved, &placed);
	cell_num(out, moved);
}

static void
p_placed(ROW)
{
	(void)res, (void)t;
	double moved, placed;
	moves_at(pl, w->unit, w->role, &moved, &placed);
	cell_num(out, placed);
}

static void
p_min(ROW)
{
	(void)pl, (void)res, (void)t;
	cell_num(out, w->min);
}

static void
p_max(ROW)
{
	(void)pl, (void)res, (void)t;
	cell_num(out, w->max);
}

static void
p_cost(ROW)
{
	(void)res, (void)t;
	const Role *r = role_of(pl, w);
	if (r->has_cost)
		cell_num(out, (w->proposed - w->current) * r->cost);
}

/* The rules that set the row: "a|b" in CSV, "a, b" where people read. */
static void
p_rules(ROW)
{
	const int *rules = plan_row_rules(res, w);
	for (int k = 0; k < w->nrules; k++) {
		buf_puts(&out->text, k ? (t == TAB_CSV ? "|" : ", ") : "");
		const char *label = pl->c->p->rules[rules[k]].label;
		if (t == TAB_HTML && label)	/* for people: what the rule says first */
			buf_printf(&out->text, "%s (", label);
		out_rule(pl->c->p, rules[k], &out->text);
		buf_puts(&out->text, t == TAB_HTML && label ? ")" : "");
	}
	cell_made(out);
}

/* What the plan aimed at: "2..4", "at least 2", "at most 3", "4". */
static void
p_needs(ROW)
{
	(void)pl, (void)res, (void)t;
	Buf *b = &out->text;
	if (isfinite(w->max) && w->max != w->min) {
		num_people(b, w->min);
		buf_puts(b, "..");
		num_people(b, w->max);
	} else if (isfinite(w->max)) {
		num_people(b, w->max);
	} else {
		buf_puts(b, _("at least "));
		num_people(b, w->min);
	}
	if (w->min <= 0 && isfinite(w->max) && w->max != w->min) {
		b->len = 0;
		buf_puts(b, _("at most "));
		num_people(b, w->max);
	}
	cell_made(out);
}

/* The first rule's: its label, file and line. */
static const Rule *
first_rule(const Plan *pl, const PlanRows *res, const PlanRow *w)
{
	return w->nrules ? &pl->c->p->rules[plan_row_rules(res, w)[0]] : NULL;
}

static void
p_label(ROW)
{
	(void)t;
	const Rule *r = first_rule(pl, res, w);
	if (r)
		cell_text(out, r->label);
}

static void
p_file(ROW)
{
	(void)t;
	const Rule *r = first_rule(pl, res, w);
	if (r)
		cell_text(out, pl->c->p->files[r->file]);
}

static void
p_line(ROW)
{
	(void)t;
	const Rule *r = first_rule(pl, res, w);
	if (r)
		cell_num(out, r->line);
}

static void
p_status(ROW)
{
	(void)pl, (void)res, (void)t;
	cell_text(out, w->unresolved ? "short" : w->proposed != w->current ? "change" : "ok");
}

/* headers: CSV, Markdown, HTML, sheet; places: the same; width in a
 * sheet; a number */
static const PlanColumn plan_cols[] = {
	{{{N_("unit"), N_("unit"), N_("unit"), N_("unit")}, {1, 1, 1, 1}, 12, false}, p_unit},
	{{{NULL, NULL, NULL, N_("name")}, {0, 0, 0, 2}, 28, false}, p_name},
	{{{N_("role"), N_("role"), N_("role"), N_("role")}, {2, 2, 2, 3}, 16, false}, p_role},
	{{{N_("grade"), NULL, NULL, N_("grade")}, {3, 0, 0, 4}, 7, false}, p_grade},
	{{{N_("current"), N_("current"), N_("current"), N_("current")}, {4, 3, 3, 5}, 9, true}, p_current},
	{{{N_("proposed"), N_("proposed"), N_("proposed"), N_("proposed")}, {5, 4, 4, 6}, 9, true}, p_proposed},
	{{{N_("delta"), N_("delta"), N_("delta"), N_("delta")}, {6, 5, 5, 7}, 8, true}, p_delta},
	{{{NULL, NULL, N_("needs"), NULL}, {0, 0, 6, 0}, 0, false}, p_needs},
	{{{N_("rules"), N_("rules"), N_("rules"), N_("rules")}, {7, 6, 7, 13}, 28, false}, p_rules},
	{{{N_("moved"), NULL, NULL, N_("moved")}, {8, 0, 0, 8}, 8, true}, p_moved},
	{{{N_("placed"), NULL, NULL, N_("placed")}, {9, 0, 0, 9}, 8, true}, p_placed},
	{{{NULL, NULL, NULL, N_("min")}, {0, 0, 0, 10}, 8, true}, p_min},
	{{{NULL, NULL, NULL, N_("max")}, {0, 0, 0, 11}, 8, true}, p_max},
	{{{NULL, NULL, NULL, N_("cost delta")}, {0, 0, 0, 12}, 11, COL_MONEY}, p_cost},
	{{{NULL, NULL, NULL, N_("label")}, {0, 0, 0, 14}, 36, false}, p_label},
	{{{NULL, NULL, NULL, N_("file")}, {0, 0, 0, 15}, 28, false}, p_file},
	{{{NULL, NULL, NULL, N_("line")}, {0, 0, 0, 16}, 6, true}, p_line},
	{{{NULL, NULL, NULL, N_("status")}, {0, 0, 0, 17}, 10, false}, p_status},
};
enum { NCOLUMNS = sizeof plan_cols / sizeof plan_cols[0] };
_Static_assert((int)NCOLUMNS <= (int)PLAN_COLUMNS, "PLAN_COLUMNS: room for every column");

int
plan_columns(TableKind t, const TableColumn **cols)
{
	return table_columns(plan_cols, sizeof *plan_cols, NCOLUMNS, t, cols);
}

void
plan_table_head(TableKind t, Buf *out)
{
	const TableColumn *c[NCOLUMNS];
	table_columns_head(out, t, c, plan_columns(t, c));
}

void
plan_cell(const TableColumn *col, const Plan *pl, const PlanRows *res, const PlanRow *w, TableKind t, Cell *out)
{
	cell_reset(out);
	((const PlanColumn *)col)->cell(pl, res, w, t, out);	/* col: its first member */
}

void
plan_table_row(const TableColumn *const *cols, int n, const Plan *pl, const PlanRows *res, const PlanRow *w,
	       TableKind t, Cell *cell, Buf *out)
{
	for (int j = 0; j < n; j++) {
		cell_sep(out, t, j);
		plan_cell(cols[j], pl, res, w, t, cell);
		if (t == TAB_CSV)
			cell_csv(out, cell);
		else if (t == TAB_MARKDOWN)
			cell_md(out, cell);
		else
			cell_html(out, cell);
	}
	cell_row_end(out, t);
}
