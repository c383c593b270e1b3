/* plan_sums.c: totals of a plan's counts, exactly. */
#include "plan_sums.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "par.h"

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

/* Values from..from+n of a column, as doubles. */
static void
col_read(const Col *c, int from, int n, double *out)
{
	switch (c->w) {
	case 1: for (int i = 0; i < n; i++) out[i] = ((const uint8_t *)c->p)[from + i]; break;
	case 2: for (int i = 0; i < n; i++) out[i] = ((const uint16_t *)c->p)[from + i]; break;
	case 4: for (int i = 0; i < n; i++) out[i] = ((const uint32_t *)c->p)[from + i]; break;
	default: memcpy(out, (const double *)c->p + from, (size_t)n * sizeof *out); break;
	}
}

/* Part i's units, a block at a time and a role at a time: a unit's
 * scopes take its headcount and the cost of its change whole. */
static void
quick_part(void *arg, int i)
{
	Quick *q = arg;
	const Plan *pl = q->pl;
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	int n = u->n, nr = p->nroles, ns = p->nscopes, nsb = (ns + 7) / 8;
	Part *w = &q->part[i];
	w->by_grade = xcalloc((size_t)q->t->ngrades + 1, sizeof *w->by_grade);
	w->by_scope = xcalloc((size_t)ns + 1, sizeof *w->by_scope);
	double *cur = xmalloc(5 * BLOCK * sizeof *cur), *prop = cur + BLOCK, *cost = prop + BLOCK,
		*hc = cost + BLOCK, *hp = hc + BLOCK;
	unsigned char chg[BLOCK];
	int from = (int)((long)n * i / q->n), to = (int)((long)n * (i + 1) / q->n);
	const bool *sel = q->selected;
	for (int b = from; b < to; b += BLOCK) {
		int m = to - b < BLOCK ? to - b : BLOCK;
		memset(cost, 0, (size_t)m * sizeof *cost);
		memset(chg, 0, (size_t)m);
		for (int r = 0; r < nr; r++) {
			const Role *role = &p->roles[r];
			col_read(&u->counts.count[r], b, m, cur);
			col_read(&pl->proposed.count[r], b, m, prop);
			double sc = 0, sp = 0, sd = 0;
			for (int j = 0; j < m; j++) {
				if (sel && !sel[b + j])
					continue;
				double d = prop[j] - cur[j];
				sc += cur[j], sp += prop[j];
				chg[j] |= d != 0;
				if (d > 0)
					w->mt.hires += d;
				else
					w->mt.releases -= d;
				if (role->has_cost)
					cost[j] += d * role->cost, sd += d * role->cost;
			}
			Sums *g = &w->by_grade[q->grade_of[r]];
			w->all.current += sc, w->all.proposed += sp, w->all.cost += sd;
			g->current += sc, g->proposed += sp, g->cost += sd;
			w->size += sc + sp;
		}
		col_read(&u->counts.headcount, b, m, hc);
		col_read(&pl->proposed.headcount, b, m, hp);
		for (int j = 0; j < m; j++) {
			int k = b + j;
			q->mark[k] = 0;
			if (sel && !sel[k])
				continue;
			const unsigned char *in = pl->scope_bits + (size_t)k * (size_t)nsb;
			for (int s = 0; s < ns; s++) {
				if (!(in[s / 8] >> (s % 8) & 1))
					continue;
				Sums *x = &w->by_scope[s];
				x->current += hc[j], x->proposed += hp[j], x->cost += cost[j];
				x->units++;
			}
			q->mark[k] = chg[j] || pl->unres[k];
		}
	}
	free(cur);
}

static void
sums_merge(Sums *to, const Sums *from)
{
	to->current += from->current;
	to->proposed += from->proposed;
	to->cost += from->cost;
	to->units += from->units;
}

bool
totals_quick(Totals *t, const Plan *pl, const bool *selected, const int *grade_of,
	     MoveTotals *mt, unsigned char *mark)
{
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	if (pl->whole || !pl->unres || u->roster)
		return false;
	/* whole counts and costs: every sum is a whole number, exact in
	 * any order while it stays below 2^53 */
	double cost = 0;
	for (int r = 0; r < p->nroles; r++) {
		const Role *role = &p->roles[r];
		if (u->counts.count[r].w == 8 || pl->proposed.count[r].w == 8)
			return false;
		if (role->has_cost && (role->cost != floor(role->cost) || fabs(role->cost) > 1e9))
			return false;
		if (role->has_cost && fabs(role->cost) > cost)
			cost = fabs(role->cost);
	}
	Quick q = {t, pl, selected, grade_of, mark, NULL, par_parts(u->n, 16384)};
	q.part = xcalloc((size_t)q.n, sizeof *q.part);
	par_for(q.n, quick_part, &q);
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
