/* plan_sums.c: totals of a plan's counts, exactly. */
#include "plan_sums.h"
#include "msg.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "par.h"

void
moves_count(const Plan *pl, int k, int r, MoveTotals *t)
{
	int i = pl->whole ? plan_pair(pl, k, r) : -1;
	if (i >= 0) {
		t->hires += pl->solve.pair[i].hired;
		t->releases += pl->solve.pair[i].released;
		return;
	}
	double d = counts_get(&pl->proposed, r, k) - units_count(pl->c->u, r, k);
	if (d > 0)
		t->hires += d;
	else
		t->releases -= d;
}

void
moves_at(const Plan *pl, int k, int r, double *moved, double *placed)
{
	int i = pl->whole ? plan_pair(pl, k, r) : -1;
	*moved = i >= 0 ? pl->solve.pair[i].moved_in - pl->solve.pair[i].moved_out : 0;
	*placed = i >= 0 ? pl->solve.pair[i].placed : 0;
}

void
moves_totals(const Plan *pl, const bool *selected, MoveTotals *t)
{
	const Solve *s = &pl->solve;
	if (!pl->whole)
		return;
	for (int i = 0; i < s->nmoves; i++)
		if (unit_shown(selected, s->moves[i].from) || unit_shown(selected, s->moves[i].to))
			t->moves += s->moves[i].count;
	for (int j = 0; j < s->ncand; j++)
		if (unit_shown(selected, s->pair[s->cand[j].pair].unit))
			t->placed += s->cand[j].count;
}

void
sums_add(Sums *s, double cur, double prop, const Role *r)
{
	s->current += cur;
	s->proposed += prop;
	if (r->has_cost)
		s->cost += (prop - cur) * r->cost;
}

int
totals_grade(Totals *t, const char *g)
{
	g = g ? g : "-";
	for (int i = 0; i < t->ngrades; i++)
		if (!strcmp(t->grades[i], g))
			return i;
	t->grades = xrealloc(t->grades, (size_t)(t->ngrades + 1) * sizeof *t->grades);
	t->by_grade = xrealloc(t->by_grade, (size_t)(t->ngrades + 1) * sizeof *t->by_grade);
	t->grades[t->ngrades] = g;
	t->by_grade[t->ngrades] = (Sums){0, 0, 0, 0};
	return t->ngrades++;
}

typedef struct Part {		/* the sums of a range of units */
	Sums all, *by_grade, *by_scope;
	MoveTotals mt;
	double size;		/* the counts' sum, current and proposed */
} Part;

typedef struct Quick {
	const Totals *t;
	const Plan *pl;
	const bool *selected;
	const int *grade_of;
	unsigned char *mark;
	Part *part;
	int n;
} Quick;

enum { BLOCK = 4096 };	/* units read a column at a time */

/* Values from..from+n of a column of whole numbers (w < 8). */
static void
col_read(const Col *c, int from, int n, int64_t *out)
{
	switch (c->w) {
	case 1: for (int i = 0; i < n; i++) out[i] = ((const uint8_t *)c->p)[from + i]; break;
	case 2: for (int i = 0; i < n; i++) out[i] = ((const uint16_t *)c->p)[from + i]; break;
	default: for (int i = 0; i < n; i++) out[i] = ((const uint32_t *)c->p)[from + i]; break;
	}
}

/* Part i's units, a block at a time and a role at a time, in whole
 * numbers; a unit's scopes take its headcount and the cost of its
 * change whole. */
static void
quick_part(void *arg, int i, int from, int to)
{
	Quick *q = arg;
	const Plan *pl = q->pl;
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	int nr = p->nroles, ns = p->nscopes, nsb = (ns + 7) / 8;
	Part *w = &q->part[i];
	w->by_grade = xcalloc((size_t)q->t->ngrades + 1, sizeof *w->by_grade);
	w->by_scope = xcalloc((size_t)ns + 1, sizeof *w->by_scope);
	int64_t *cur = xmalloc(5 * BLOCK * sizeof *cur), *prop = cur + BLOCK, *hc = prop + BLOCK,
		*hp = hc + BLOCK;
	double *cost = (double *)(hp + BLOCK);
	unsigned char chg[BLOCK], on[BLOCK];
	for (int b = from; b < to; b += BLOCK) {
		int m = to - b < BLOCK ? to - b : BLOCK;
		memset(cost, 0, (size_t)m * sizeof *cost);
		memset(chg, 0, (size_t)m);
		for (int j = 0; j < m; j++)	/* 1: the unit is counted */
			on[j] = !q->selected || q->selected[b + j];
		for (int r = 0; r < nr; r++) {
			const Role *role = &p->roles[r];
			col_read(&u->counts.count[r], b, m, cur);
			col_read(&pl->proposed.count[r], b, m, prop);
			int64_t sc = 0, sp = 0, up = 0, down = 0;
			for (int j = 0; j < m; j++) {
				int64_t c = on[j] ? cur[j] : 0, x = on[j] ? prop[j] : 0, d = x - c;
				sc += c, sp += x;
				up += d > 0 ? d : 0;
				down += d < 0 ? -d : 0;
				chg[j] |= d != 0;
			}
			double sd = 0;
			for (int j = 0; j < m && role->has_cost; j++) {
				double d = on[j] ? (double)(prop[j] - cur[j]) * role->cost : 0;
				cost[j] += d, sd += d;
			}
			Sums *g = &w->by_grade[q->grade_of[r]];
			w->all.current += (double)sc, w->all.proposed += (double)sp, w->all.cost += sd;
			g->current += (double)sc, g->proposed += (double)sp, g->cost += sd;
			w->mt.hires += (double)up, w->mt.releases += (double)down;
			w->size += (double)(sc + sp);
		}
		col_read(&u->counts.headcount, b, m, hc);
		col_read(&pl->proposed.headcount, b, m, hp);
		for (int j = 0; j < m; j++) {
			int k = b + j;
			q->mark[k] = on[j] && (chg[j] || pl->unres[k]);
			if (!on[j])
				continue;
			const unsigned char *in = pl->scope_bits + (size_t)k * (size_t)nsb;
			for (int s = 0; s < ns; s++) {
				if (!(in[s / 8] >> (s % 8) & 1))
					continue;
				Sums *x = &w->by_scope[s];
				x->current += (double)hc[j], x->proposed += (double)hp[j], x->cost += cost[j];
				x->units++;
			}
		}
	}
	free(cur);
}

void
sums_merge(Sums *to, const Sums *from)
{
	to->current += from->current;
	to->proposed += from->proposed;
	to->cost += from->cost;
	to->units += from->units;
}

int
plan_budgets(const Plan *pl, BudgetUse *out)
{
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	int n = 0;
	for (int b = 0; b < 2; b++) {
		const Budget *g = &pl->budget[b];
		if (!g->set)
			continue;
		double used = 0;
		for (int r = 0; r < p->nroles; r++) {
			double w = b == BUDGET_HEADCOUNT ? 1 : p->roles[r].has_cost ? p->roles[r].cost : 0;
			for (int k = 0; w != 0 && k < u->n; k++) {
				double prop = counts_get(&pl->proposed, r, k);
				used += w * (g->total ? prop : prop - units_count(u, r, k));
			}
		}
		out[n++] = (BudgetUse){b, g->total, g->total ? g->stated : g->limit, used, g->file, g->line};
	}
	return n;
}

void
budget_text(const BudgetUse *b, Buf *out)
{
	buf_printf(out, "budget %s%s <= ", b->total ? "total " : "", b->kind == BUDGET_COST ? "cost" : "headcount");
	num_people(out, b->limit);
	buf_puts(out, b->total ? _(": the plan comes to ") : _(": the plan adds "));
	double used = round(b->used * 100) / 100, left = round((b->limit - b->used) * 100) / 100;
	if (!b->total && used > 0)
		buf_putc(out, '+');
	num_people(out, used);
	buf_puts(out, " (");
	num_people(out, fabs(left));
	buf_puts(out, left >= 0 ? _(" left)") : _(" over)"));
}

bool
plan_by_unit(const Plan *pl)
{
	return !pl->whole && pl->unres && !pl->c->u->roster;
}

bool
totals_quick(Totals *t, const Plan *pl, const bool *selected, const int *grade_of,
	     MoveTotals *mt, unsigned char *mark)
{
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	if (!plan_by_unit(pl))
		return false;
	/* whole counts and costs: every sum is a whole number, exact in
	 * any order while it stays below 2^53 */
	double cost = 0;
	for (int r = 0; r < p->nroles; r++) {
		const Role *role = &p->roles[r];
		if (u->counts.count[r].w == 8 || pl->proposed.count[r].w == 8)
			return false;
		if (u->counts.headcount.w == 8 || pl->proposed.headcount.w == 8)
			return false;
		if (role->has_cost && (role->cost != floor(role->cost) || fabs(role->cost) > 1e9))
			return false;
		if (role->has_cost && fabs(role->cost) > cost)
			cost = fabs(role->cost);
	}
	Quick q = {t, pl, selected, grade_of, mark, NULL, par_parts(u->n, 16384)};
	q.part = xcalloc((size_t)q.n, sizeof *q.part);
	par_ranges(u->n, q.n, quick_part, &q);
	double size = 0;
	for (int i = 0; i < q.n; i++)
		size += q.part[i].size;
	/* no partial sum of counts, or of counts times a cost, is larger
	 * than size * (1 + cost) */
	bool exact = size * (1 + cost) < 0x1p52;
	for (int i = 0; i < q.n; i++) {
		Part *w = &q.part[i];
		if (exact) {
			sums_merge(&t->all, &w->all);
			for (int g = 0; g < t->ngrades; g++)
				sums_merge(&t->by_grade[g], &w->by_grade[g]);
			for (int s = 0; s < p->nscopes; s++)
				sums_merge(&t->by_scope[s], &w->by_scope[s]);
			mt->hires += w->mt.hires;
			mt->releases += w->mt.releases;
		}
		free(w->by_grade);
		free(w->by_scope);
	}
	free(q.part);
	return exact;
}
