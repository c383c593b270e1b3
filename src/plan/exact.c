/* exact.c: a solution as GLPK gives it, made exact: whole where it
 * must be, within every must interval and link it keeps within GLPK's
 * tolerances. */
#include "exact.h"

#include <math.h>
#include <stdlib.h>

/* E of link l at the solution sol. */
static double
link_value(const Part *t, const double *sol, const SolveLink *l)
{
	const Solve *s = t->s;
	double e = l->c0;
	for (int j = 0; j < l->nt; j++) {
		const SolveTerm *a = &s->term[l->t0 + j];
		e += a->coef * sol[t->c[t->local[a->pair]].x];
	}
	return e;
}

/* Link l's whole m, and its bound, for E = e. */
static double
link_m(const SolveLink *l, double e)
{
	return l->upper ? signed_floor(e + l->gap, l->div) : e > 0 ? ceil_div(e, l->div) : 0;
}

static double
link_bound(const SolveLink *l, double e)
{
	if (l->per)
		return l->amount * link_m(l, e);
	return l->upper || e > 0 ? e : 0;
}

/* How far count x of pair i is from its must interval (tier 0) or its
 * target (tier 1), below (side 0) or above (side 1), links included. */
static double
distance(const Part *t, const double *sol, int i, int tier, int side)
{
	const Solve *s = t->s;
	const SolvePair *q = &s->pair[t->pairs[i]];
	const Span *c = tier ? &q->target : &q->must;
	double x = sol[t->c[i].x];
	double d = side ? solve_dist(x, 0, c->max) : solve_dist(x, c->min, INFINITY);
	for (int j = 0; j < q->nlinks; j++) {
		const SolveLink *l = &s->link[q->link0 + j];
		if (l->upper != side || (l->should && !tier))
			continue;
		double b = link_bound(l, link_value(t, sol, l));
		double e = side ? x - b : b - x;
		if (e > d)
			d = e;
	}
	return d;
}

/* GLPK's solution is feasible within its tolerances: a release of 1e-6
 * may shave a level's optimum.  Held at such a value the next level would
 * have no solution; so each solution is made exact first: its whole
 * numbers rounded, every other column worked out from them. */
void
levels_clean(const Part *t, double *sol)
{
	const Solve *s = t->s;
	const Program *p = s->p;
	double step = s->step;
	double *pool_placed = xcalloc((size_t)(p->npools ? p->npools : 1), sizeof *pool_placed);
	double *at = xcalloc((size_t)t->n, sizeof *at);	/* placed per pair */
	for (int j = 0; j < t->nc; j++) {
		double v = sol[t->cp[j]] = round(sol[t->cp[j]]);
		const SolveCand *a = &s->cand[t->cands[j]];
		pool_placed[a->pool] += v;
		at[t->local[a->pair]] += v;
	}
	for (int i = 0; i < t->n; i++) {
		const SolvePair *q = &s->pair[t->pairs[i]];
		const Cols *k = &t->c[i];
		double n = sol[k->n] = round(sol[k->n]);
		double keep = k->keep ? (sol[k->keep] = round(sol[k->keep])) : 0;
		double x = sol[k->x] = step * n + q->current * keep;
		double in = k->in ? (sol[k->in] = round(sol[k->in])) : 0;
		double out = k->out ? (sol[k->out] = round(sol[k->out])) : 0;
		double d = x - q->current - in + out - at[i];
		sol[k->h] = d > 0 ? d : 0;
		sol[k->r] = d < 0 ? -d : 0;
	}
	/* the distances, once every count is known (a link reads others) */
	for (int i = 0; i < t->n; i++) {
		const SolvePair *q = &s->pair[t->pairs[i]];
		const Cols *k = &t->c[i];
		for (int j = 0; j < q->nlinks; j++) {
			const SolveLink *l = &s->link[q->link0 + j];
			int m = t->lcol[t->lbase[i] + j];
			if (m)
				sol[m] = link_m(l, link_value(t, sol, l));
		}
		if (k->um)
			sol[k->um] = distance(t, sol, i, 0, 0);
		if (k->om)
			sol[k->om] = distance(t, sol, i, 0, 1);
		if (k->us)
			sol[k->us] = distance(t, sol, i, 1, 0);
		if (k->os)
			sol[k->os] = distance(t, sol, i, 1, 1);
	}
	for (int j = 0; j < p->npools; j++)
		if (t->unpl[j] > 0)
			sol[t->unpl[j]] = p->pools[j].n - pool_placed[j] > 0 ? p->pools[j].n - pool_placed[j] : 0;
	for (int k = 0; k < t->nk; k++)
		sol[t->kcol[k]] = 0;
	for (int i = 0; i < t->n && t->nk; i++)
		if (t->cls[i] >= 0)
			sol[t->kcol[t->cls[i]]] += sol[t->c[i].n];
	free(pool_placed);
	free(at);
}
