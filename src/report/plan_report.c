/* plan_report.c: what a plan proposes, as a table, CSV, JSON or
 * Markdown: the changes, the totals by grade and by scope, and what no
 * count could meet. */
#define _GNU_SOURCE	/* qsort_r */
#include "plan_report.h"
#include "plan_html.h"
#include "plan_totals.h"
#include "xlsx_plan.h"
#include "finding.h"
#include "escape.h"
#include "plan_moves.h"
#include "plan_sums.h"
#include "plan_table.h"
#include "plan_tree.h"
#include "attr_totals.h"
#include "rule_text.h"
#include "par.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int
cmp_role_name(const void *pa, const void *pb, void *arg)
{
	const Program *p = arg;
	return strcmp(p->roles[*(const int *)pa].name, p->roles[*(const int *)pb].name);
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

typedef struct Out {
	const Plan *pl;
	Check *c;		/* the plan's checker, or a part's */
	PlanFormat f;
	Buf *b;
	Buf body;		/* table and markdown: the changes */
	int nchanged, nunits_changed;
	bool first_unit;	/* json */
	int width;		/* table: the role column */
	TableKind tab;		/* csv, markdown, html: their table */
	const TableColumn *cols[PLAN_COLUMNS];
	int ncols;
	Cell cell;		/* the tables' cells */
	PlanFrags *fr;		/* html: each unit's rows for the tree */
	Buf frag;		/* their html (fr's offsets are into it) */
	PlanRows res;		/* the unit's rows; the issues so far */
} Out;

/* The names of rules[0..n), as reports list them. */
static void
rules_list(const Program *p, const int *rules, int n, Buf *b, const char *sep, bool json)
{
	for (int i = 0; i < n; i++) {
		buf_puts(b, i ? sep : "");
		if (json) {
			Buf name = {0};
			out_rule(p, rules[i], &name);
			json_str(b, name.p, name.len);
			buf_free(&name);
		} else {
			out_rule(p, rules[i], b);
		}
	}
}


/* The json report's "unresolved" rows: what the plan leaves unmet. */
static void
issues_json(const Plan *pl, const PlanRows *res, Buf *b)
{
	const Program *p = pl->c->p;
	for (int i = 0; i < res->nissue; i++) {
		const PlanIssue *is = &res->issue[i];
		Str id = units_id(pl->c->u, is->unit);
		buf_puts(b, i ? ",\n    {\"unit\": " : "\n    {\"unit\": ");
		json_str(b, id.s, (size_t)id.len);
		if (is->role < 0) {
			buf_puts(b, ", \"role\": null");
		} else {
			buf_puts(b, ", \"role\": ");
			json_str(b, p->roles[is->role].name, strlen(p->roles[is->role].name));
			json_key_num(b, "current", is->current);
			json_key_num(b, "proposed", is->proposed);
			json_key_num(b, "min", is->min);
			json_key_num(b, "max", is->max);
		}
		buf_puts(b, ", \"rules\": [");
		rules_list(p, is->rules, is->nrules, b, ", ", true);
		buf_puts(b, "], \"message\": ");
		json_str(b, is->message, strlen(is->message));
		buf_putc(b, '}');
	}
}

static void
row_json(Out *o, const PlanRow *w, Str id, bool any)
{
	const Program *p = o->c->p;
	int k = w->unit, r = w->role;
	double delta = w->proposed - w->current;
	Buf *b = o->b;
	double moved, placed;
	if (!any) {
		buf_puts(b, o->first_unit ? "\n    {\"unit\": " : ",\n    {\"unit\": ");
		o->first_unit = false;
		json_str(b, id.s, (size_t)id.len);
		buf_puts(b, ", \"roles\": [");
	}
	buf_puts(b, any ? ",\n      {\"role\": " : "\n      {\"role\": ");
	json_str(b, p->roles[r].name, strlen(p->roles[r].name));
	buf_puts(b, ", \"grade\": ");
	if (p->roles[r].grade)
		json_str(b, p->roles[r].grade, strlen(p->roles[r].grade));
	else
		buf_puts(b, "null");
	json_key_num(b, "current", w->current);
	json_key_num(b, "proposed", w->proposed);
	json_key_num(b, "delta", delta);
	moves_at(o->pl, k, r, &moved, &placed);
	json_key_num(b, "moved", moved);
	json_key_num(b, "placed", placed);
	json_key_num(b, "min", w->min);
	json_key_num(b, "max", w->max);
	buf_puts(b, ", \"rules\": [");
	rules_list(p, plan_row_rules(&o->res, w), w->nrules, b, ", ", true);
	buf_puts(b, "]}");
}

/* A change in the table report; first: the unit's first. */
static void
row_text(Out *o, const PlanRow *w, Str id, Str name, bool first)
{
	const Program *p = o->c->p;
	Buf *b = &o->body;
	if (first) {
		buf_put_text(b, id.s, (size_t)id.len);
		if (name.len) {
			buf_puts(b, "  ");
			buf_put_text(b, name.s, (size_t)name.len);
		}
		buf_putc(b, '\n');
	}
	buf_printf(b, "  %-*s ", o->width, p->roles[w->role].name);
	size_t at = b->len;
	num_people(b, w->current);
	buf_puts(b, " -> ");
	num_people(b, w->proposed);
	for (size_t pad = b->len - at; pad < 12; pad++)
		buf_putc(b, ' ');
	buf_puts(b, " (");
	num_signed_people(b, w->proposed - w->current);
	buf_putc(b, ')');
	const int *rules = plan_row_rules(&o->res, w);
	for (int i = 0; i < w->nrules; i++) {	/* what set it */
		buf_puts(b, i ? ", " : "  [");
		out_rule(p, rules[i], b);
	}
	buf_puts(b, w->nrules ? "]\n" : "\n");
}

/* The rows of unit k, in role name order: worked out by the plan's
 * results (plan_unit_rows), then written.  False after a runtime error. */
static bool
unit_rows(Out *o, int k, const int *roles, int nr)
{
	const Units *u = o->c->u;
	if (o->f != PF_XLSX)	/* the workbook is made of them all */
		plan_rows_clear(&o->res);
	int first = o->res.nrow;
	if (!plan_unit_rows(o->pl, o->c, k, roles, nr, &o->res))
		return false;
	Str id = units_id(u, k), name = units_name(u, k);
	bool any = false, changed = false;
	for (int i = first; i < o->res.nrow; i++) {
		const PlanRow *w = &o->res.row[i];
		double delta = w->proposed - w->current;
		switch (o->f) {
		case PF_CSV:
			plan_table_row(o->cols, o->ncols, o->pl, &o->res, w, TAB_CSV, &o->cell, o->b);
			break;
		case PF_JSON:
			row_json(o, w, id, any);
			break;
		case PF_XLSX:	/* made of them all at the end */
			break;
		case PF_HTML:
		case PF_TABLE:
		case PF_MARKDOWN:
			if (o->fr && (delta != 0 || w->unresolved)) {	/* the page's tree: the unit's own rows */
				o->fr->stat[k] |= (delta != 0 ? UNIT_CHANGED : 0) | (w->unresolved ? UNIT_SHORT : 0);
				if (!o->fr->len[k])
					o->fr->off[k] = o->frag.len;
				size_t at = o->frag.len;
				plan_table_row(o->cols + 1, o->ncols - 1, o->pl, &o->res, w, TAB_HTML, &o->cell, &o->frag);
				o->fr->len[k] += o->frag.len - at;
			}
			if (delta == 0)
				break;
			o->nchanged++;
			if (o->f == PF_TABLE)
				row_text(o, w, id, name, !changed);
			else
				plan_table_row(o->cols, o->ncols, o->pl, &o->res, w, o->tab, &o->cell, &o->body);
			changed = true;
			break;
		}
		any = true;
	}
	if (any && o->f == PF_JSON)
		buf_puts(o->b, "\n    ]}");
	o->nunits_changed += changed;
	return true;
}



typedef struct RowsPart {
	Out o;
	Check c;
	bool ok;
	int from, to;		/* its units in the block */
} RowsPart;

typedef struct RowJob {
	const int *order, *roles;	/* the block's units */
	int nr;
	RowsPart *part;
} RowJob;

static void
rows_part(void *arg, int i, int from, int to)
{
	RowJob *j = arg;
	RowsPart *w = &j->part[i];
	w->from = from, w->to = to;
	for (int x = from; x < to && w->ok; x++)
		w->ok = unit_rows(&w->o, j->order[x], j->roles, j->nr);
}

enum {
	PART_UNITS = 8192,	/* units a part writes in a block, at most */
	PART_LEAST = 1024,	/* a part of fewer is not worth a thread */
};

/* The rows of the n units of order (whose rows say nothing on stderr),
 * a block at a time in parts on threads, each block put together in
 * order into `to` (and with a sink, sent on: the rows are never all in
 * memory).  How many units are done: n, or fewer where they are few
 * (none) or a part met a runtime error (the block it was in); the
 * caller writes the rest itself. */
static int
rows_in_parts(Out *o, const int *order, int n, const int *roles, int nr, Buf *to, Sink *sink)
{
	int most = par_parts(n, PART_LEAST);
	if (most == 1)
		return 0;
	check_prepare(o->c);
	RowsPart *part = xcalloc((size_t)most, sizeof *part);
	for (int i = 0; i < most; i++) {
		RowsPart *w = &part[i];
		check_init_part(&w->c, o->c);
		w->o = *o;
		w->o.c = &w->c;
		w->o.body = (Buf){0};
		w->o.b = &w->o.body;	/* csv: its rows */
		w->o.res = (PlanRows){0};
		w->o.cell = (Cell){0};
		w->o.frag = (Buf){0};
		w->o.nchanged = w->o.nunits_changed = 0;
	}
	int at = 0;
	while (at < n) {
		int end = n - at > most * PART_UNITS ? at + most * PART_UNITS : n;
		int parts = par_parts(end - at, PART_LEAST);
		RowJob j = {order + at, roles, nr, part};
		bool ok = true;
		for (int i = 0; i < parts; i++)
			part[i].ok = true;
		par_ranges(end - at, parts, rows_part, &j);
		for (int i = 0; i < parts; i++)
			ok &= part[i].ok;
		if (!ok)
			break;
		for (int i = 0; i < parts; i++) {
			RowsPart *w = &part[i];
			buf_put(to, w->o.body.p, w->o.body.len);
			w->o.body.len = 0;
			size_t base = o->frag.len;	/* the tree's rows: their offsets moved */
			buf_put(&o->frag, w->o.frag.p, w->o.frag.len);
			for (int x = w->from; o->fr && x < w->to; x++)
				o->fr->off[order[at + x]] += base;
			w->o.frag.len = 0;
			o->nchanged += w->o.nchanged;
			o->nunits_changed += w->o.nunits_changed;
			w->o.nchanged = w->o.nunits_changed = 0;
		}
		if (sink)
			sink_spill(sink, to);
		at = end;
	}
	for (int i = 0; i < most; i++) {
		buf_free(&part[i].o.body);
		buf_free(&part[i].o.frag);
		cell_free(&part[i].o.cell);
		plan_rows_free(&part[i].o.res);
		check_free(&part[i].c);
	}
	free(part);
	return at;
}

/* The units marked (totals_quick), in id order: *n of them; whether
 * one of them has a role left unresolved. */
static int *
marked_by_id(const Plan *pl, const unsigned char *mark, int *n, bool *unresolved)
{
	int m = 0;
	for (int k = 0; k < *n; k++)
		m += mark[k];
	int *order = xmalloc((size_t)(m ? m : 1) * sizeof *order);
	m = 0;
	for (int k = 0; k < *n; k++)
		if (mark[k])
			order[m++] = k, *unresolved |= pl->unres[k];
	units_sort_by_id(pl->c->u, order, m);
	*n = m;
	return order;
}

/* The units shown (selected, or all), in id order: *n of them; whether
 * one of them has a role left unresolved. */
static int *
shown_by_id(const Plan *pl, const bool *selected, int *n, bool *unresolved)
{
	int *order = units_by_id(pl->c->u), m = 0;
	for (int i = 0; i < *n; i++)
		if (unit_shown(selected, order[i]))
			order[m++] = order[i], *unresolved |= pl->unres[order[i]];
	*n = m;
	return order;
}

/* After the rows: what each format writes of the whole plan (the
 * unresolved, the totals, the page, the workbook). */
static bool
report_end(Out *o, PlanFrags *fr, const Totals *t, const MoveTotals *mt, const PlanCounts *nc, const bool *selected,
	   Buf *out)
{
	const Plan *pl = o->pl;
	switch (o->f) {
	case PF_JSON: {
		Buf unres = {0};
		issues_json(pl, &o->res, &unres);
		plan_json_end(pl, o->first_unit, &unres, t, mt, selected, out);
		buf_free(&unres);
		break;
	}
	case PF_HTML:
		fr->html = o->frag, o->frag = (Buf){0};
		plan_html_page(pl, nc, &o->body, fr, t, mt, selected, out);
		break;
	case PF_XLSX:
		return xlsx_plan(pl, &o->res, t, mt, selected, out);
	case PF_TABLE:
	case PF_MARKDOWN:
		plan_table_end(pl, nc, &o->body, t, mt, selected, o->f == PF_MARKDOWN, out);
		break;
	case PF_CSV:
		break;
	}
	return true;
}

bool
plan_report(const Plan *pl, PlanFormat f, const bool *selected, Buf *out, Sink *sink, int *unresolved)
{
	Check *c = pl->c;
	const Program *p = c->p;
	Units *u = c->u;
	int n = u->n, nr = p->nroles;
	int *roles = xmalloc((size_t)(nr ? nr : 1) * sizeof *roles);
	for (int r = 0; r < nr; r++)
		roles[r] = r;
	qsort_r(roles, (size_t)nr, sizeof *roles, cmp_role_name, (void *)p);
	Totals t = {0};
	t.by_scope = xcalloc((size_t)p->nscopes + 1, sizeof *t.by_scope);
	for (int r = 0; r < nr; r++) {
		t.costs |= p->roles[r].has_cost;
		totals_grade(&t, p->roles[r].grade);
	}
	if (t.ngrades > 1)
		qsort(t.grades, (size_t)t.ngrades, sizeof *t.grades, cmp_name);
	int *grade_of = xmalloc((size_t)(nr ? nr : 1) * sizeof *grade_of);
	for (int r = 0; r < nr; r++)
		grade_of[r] = totals_grade(&t, p->roles[r].grade);
	Out o = {.pl = pl, .c = c, .f = f, .b = out, .first_unit = true,
		 .tab = f == PF_HTML ? TAB_HTML : f == PF_MARKDOWN ? TAB_MARKDOWN : TAB_CSV};
	o.ncols = plan_columns(o.tab, o.cols);
	PlanFrags fr = {0};
	if (f == PF_HTML) {
		plan_frags_init(&fr, n);
		o.fr = &fr;
	}
	for (int r = 0; r < nr; r++)
		if ((int)strlen(p->roles[r].name) > o.width)
			o.width = (int)strlen(p->roles[r].name);
	if (f == PF_CSV)
		plan_table_head(TAB_CSV, out);
	if (f == PF_JSON)
		moves_json_head(pl, out);
	bool ok = true;
	MoveTotals mt = {0, 0, 0, 0};
	plan_rows_start(pl);
	/* a table of the changes needs only the units that changed: the
	 * totals added apart, the rest left alone */
	int *order = NULL, from = 0;
	bool quick = false, some_unmet = false;
	if (f == PF_TABLE || f == PF_MARKDOWN || f == PF_HTML) {
		unsigned char *mark = xmalloc((size_t)(n ? n : 1));
		if ((quick = totals_quick(&t, pl, selected, grade_of, &mt, mark))) {
			order = marked_by_id(pl, mark, &n, &some_unmet);
			/* nothing to say on the way: the rows in parts on threads */
			if (!some_unmet)
				from = rows_in_parts(&o, order, n, roles, nr, &o.body, NULL);
		}
		free(mark);
	} else if (f == PF_CSV && plan_by_unit(pl)) {	/* rows alone, no totals */
		order = shown_by_id(pl, selected, &n, &some_unmet);
		if (!some_unmet)
			from = rows_in_parts(&o, order, n, roles, nr, out, sink);
	}
	if (!order)
		order = units_by_id(u);
	for (int i = from; i < n && ok; i++) {
		int k = order[i];
		if (selected && !selected[k])
			continue;
		if (!unit_rows(&o, k, roles, nr)) {
			ok = false;
			break;
		}
		if (sink)
			sink_spill(sink, out);
		for (int r = 0; r < nr && !quick; r++) {
			const Role *role = &p->roles[r];
			double cur = units_count(u, r, k), prop = counts_get(&pl->proposed, r, k);
			sums_add(&t.all, cur, prop, role);
			moves_count(pl, k, r, &mt);
			sums_add(&t.by_grade[grade_of[r]], cur, prop, role);
		}
		for (int s = 0; s < p->nscopes && !quick; s++) {
			int in = o.res.in_scope[s];
			for (int r = 0; in && r < nr; r++)
				sums_add(&t.by_scope[s], units_count(u, r, k), counts_get(&pl->proposed, r, k), &p->roles[r]);
			t.by_scope[s].units += in;
		}
	}
	PlanCounts nc = {0, 0, 0};
	AttrTotals *by = xcalloc((size_t)pl->nby_attr + 1, sizeof *by);
	for (int i = 0; ok && f != PF_CSV && i < pl->nby_attr; i++)
		attr_totals_plan(&by[i], pl, selected, pl->by_attr[i]);
	t.by_attr = by, t.nby_attr = f != PF_CSV ? pl->nby_attr : 0;
	if (ok) {
		moves_totals(pl, selected, &mt);
		int whole = plan_whole_issues(pl);
		ok = plan_assert_issues(pl, selected, &o.res);
		nc = (PlanCounts){o.nchanged, o.nunits_changed, o.res.nissue + whole};
	}
	if (ok)
		ok = report_end(&o, &fr, &t, &mt, &nc, selected, out);
	if (unresolved)
		*unresolved = nc.unresolved;
	buf_free(&o.body);
	cell_free(&o.cell);
	buf_free(&o.frag);
	plan_frags_free(&fr);
	plan_rows_free(&o.res);
	free(grade_of);
	free(t.grades);
	free(t.by_grade);
	free(t.by_scope);
	for (int i = 0; i < t.nby_attr; i++)
		attr_totals_free(&by[i]);
	free(by);
	free(order);
	free(roles);
	return ok;
}
