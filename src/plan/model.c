/* model.c: a part of the whole plan as an integer program.
 *
 * Per (unit, role) the model has its count x (a multiple of the step, or
 * the current count kept as it is), hires h and releases r, moves in and
 * out (through one node per transfer group, so a group of n units has 2n
 * arcs, not n^2), and one placement variable per pool that may place
 * there:
 *
 *	x = current + h - r + in - out + placed
 *
 * and distance variables measure how far x is from M and from T.  The
 * levels of the objective are minimised one after the other, each held
 * at its optimum by a new row while the next is minimised.
 */
#define _GNU_SOURCE	/* qsort_r */
#include "model.h"
#include "levels.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The value of a column in the solution (levels.c made it exact: its
 * whole columns are whole). */
static double
val(Model *m, int c)
{
	return c ? m->sol[c] : 0;
}

/* Adds the bound of link l to the row being built, negated: its
 * amount times m, or its terms (and c0 returned, for the row's side). */
static double
minus_bound(Model *m, const Solve *s, const SolveLink *l, const Cols *c, const int *local, int mcol)
{
	if (l->per) {
		lp_term(m, mcol, -l->amount);
		return 0;
	}
	for (int t = 0; t < l->nt; t++)
		lp_term(m, c[local[s->term[l->t0 + t].pair]].x, -s->term[l->t0 + t].coef);
	return l->c0;
}

/* The least m of upper link l when no count is above top: a bound the
 * search for whole numbers needs (m has no other below). */
static double
link_floor(const Solve *s, const SolveLink *l, double top)
{
	double e = l->c0 + l->gap;
	for (int t = 0; t < l->nt; t++)
		if (s->term[l->t0 + t].coef < 0)
			e += s->term[l->t0 + t].coef * top;
	return signed_floor(e, l->div);
}

/* The rows of pair q's links: m against E, and the count against the
 * bound in each tier the link is in. */
static void
link_rows(Model *m, const Solve *s, const SolvePair *q, const Cols *k, const Cols *c, const int *local, const int *lcol)
{
	for (int j = 0; j < q->nlinks; j++) {
		const SolveLink *l = &s->link[q->link0 + j];
		if (l->should && !q->should)
			continue;	/* no target this round */
		if (l->per) {	/* div m >= E below, div m <= E + gap above */
			lp_term(m, lcol[j], l->div);
			for (int t = 0; t < l->nt; t++)
				lp_term(m, c[local[s->term[l->t0 + t].pair]].x, -s->term[l->t0 + t].coef);
			if (l->upper)
				lp_row(m, GLP_UP, 0, l->c0 + l->gap);
			else
				lp_row(m, GLP_LO, l->c0, 0);
		}
		for (int tier = l->should; tier < 1 + q->should; tier++) {
			int d = l->upper ? (tier ? k->os : k->om) : (tier ? k->us : k->um);
			lp_term(m, k->x, 1);
			lp_term(m, d, l->upper ? -1 : 1);
			double c0 = minus_bound(m, s, l, c, local, lcol[j]);
			lp_merge(m);
			if (l->upper)
				lp_row(m, GLP_UP, 0, c0);
			else
				lp_row(m, GLP_LO, c0, 0);
		}
	}
}

static int
cmp_group_row(const void *a, const void *b, void *arg)
{
	const Solve *s = arg;
	int x = *(const int *)a, y = *(const int *)b;
	int gx = s->pair[x].group, gy = s->pair[y].group;
	return gx != gy ? (gx > gy) - (gx < gy) : (x > y) - (x < y);
}

/* What model_solve builds a part's program from, step by step. */
typedef struct Build {
	Solve *s;
	Model m;
	const int *pairs, *cands;
	int n, nc;
	bool budget;
	int *local;		/* per pair of the solve, its index here */
	Cols *c;		/* per pair, its columns */
	int *lcol, *lbase;	/* per link of pair i, lcol[lbase[i] + j]: its m or 0 */
	int *cp;		/* per candidate, its column */
	const int *cstart, *cand_of;	/* pair i's candidates: cand_of[cstart[i] ..] */
	int *unpl;		/* per pool, its column or 0 */
	double bound;		/* no count's n above it */
	int brow[2];		/* per budget, its row or 0 */
	double bconst[2];
	int *kcol, *cls, nk;	/* the cost classes (lp.h, Part) */
} Build;

/* Each pair's columns: its count x, n steps of it (and whether it keeps
 * a count off the grid), hires, releases, moves, the distances from its
 * intervals; then each candidate's placements. */
static void
pair_columns(Build *b)
{
	Model *m = &b->m;
	Solve *s = b->s;
	Cols *c = b->c;
	int n = b->n;
	int nc = b->nc;
	const int *pairs = b->pairs;
	int *lbase = b->lbase;
	int *cp = b->cp;
	double step = b->s->step;
	int nl = 0;
	for (int i = 0; i < n; i++) {
		SolvePair *q = &s->pair[pairs[i]];
		Cols *k = &c[i];
		k->x = lp_col(m, GLP_CV, 0, INFINITY);
		k->n = lp_col(m, GLP_IV, 0, INFINITY);
		if (!solve_on_grid(q->current, step))
			k->keep = lp_col(m, GLP_BV, 0, 1);
		k->h = lp_col(m, GLP_CV, 0, INFINITY);
		k->r = lp_col(m, GLP_CV, 0, INFINITY);
		if (q->group >= 0) {	/* surplus: only staff above what the
					 * unit's rules allow move away */
			k->in = lp_col(m, GLP_IV, 0, INFINITY);
			k->out = lp_col(m, GLP_IV, 0, q->surplus ? floor(solve_excess(q) + 1e-9) : INFINITY);
		}
		bool lo = q->must.min > 0, hi = isfinite(q->must.max);
		bool tlo = q->target.min > 0, thi = isfinite(q->target.max);
		lbase[i] = nl;
		for (int j = 0; j < q->nlinks; j++) {
			const SolveLink *l = &s->link[q->link0 + j];
			*(l->upper ? &hi : &lo) |= !l->should;
			*(l->upper ? &thi : &tlo) = true;
			nl++;
		}
		if (lo)
			k->um = lp_col(m, GLP_CV, 0, INFINITY);
		if (hi)
			k->om = lp_col(m, GLP_CV, 0, INFINITY);
		if (q->should && tlo)
			k->us = lp_col(m, GLP_CV, 0, INFINITY);
		if (q->should && thi)
			k->os = lp_col(m, GLP_CV, 0, INFINITY);
	}
	lbase[n] = nl;
	for (int j = 0; j < nc; j++)
		cp[j] = lp_col(m, GLP_IV, 0, INFINITY);
}

/* The pools' rows, and the bound no count can pass (n's bound, whole),
 * put on every linked count and its links' multipliers. */
static void
pool_rows(Build *b)
{
	Model *m = &b->m;
	Solve *s = b->s;
	const Program *p = b->s->p;
	Cols *c = b->c;
	int n = b->n;
	int nc = b->nc;
	const int *pairs = b->pairs;
	const int *cands = b->cands;
	int *lcol = b->lcol;
	int *lbase = b->lbase;
	int *cp = b->cp;
	int *unpl = b->unpl;
	double step = b->s->step;
	/* the pools of this part: all placed, or the rest counted short */
	double bound = 0;
	for (int j = 0; j < nc; j++) {
		int pool = s->cand[cands[j]].pool;
		if (unpl[pool])
			continue;
		const Pool *pl = &p->pools[pool];
		unpl[pool] = -1;
		for (int k = j; k < nc; k++)
			if (s->cand[cands[k]].pool == pool)
				lp_term(m, cp[k], 1);
		if (pl->at_most) {
			lp_row(m, GLP_UP, 0, pl->n);
		} else {
			unpl[pool] = lp_col(m, GLP_CV, 0, INFINITY);
			lp_term(m, unpl[pool], 1);
			lp_row(m, GLP_FX, pl->n, pl->n);
			lp_obj(m, 1, unpl[pool], 1);
		}
		bound += pl->n;
	}
	/* a count that stays off the grid changes not at all: n <= U (1 - keep) */
	for (int i = 0; i < n; i++)
		bound += s->pair[pairs[i]].current + (isfinite(s->pair[pairs[i]].must.min) ? s->pair[pairs[i]].must.min : 0);
	/* a link may ask for more than the counts there are: by its gain */
	double gain = 0, extra = 0;
	for (int i = 0; i < n; i++)
		for (int j = 0; j < s->pair[pairs[i]].nlinks; j++) {
			const SolveLink *l = &s->link[s->pair[pairs[i]].link0 + j];
			double w = l->per ? l->amount / l->div : 1;
			for (int t = 0; t < l->nt; t++)
				gain += w * fabs(s->term[l->t0 + t].coef);
			extra += w * (fabs(l->c0) + l->gap) + (l->per ? l->amount : 0);
		}
	bound = ceil((bound * (1 + gain) * (1 + gain) + extra) / step) + 2;	/* whole: n's bound */
	/* with links, no count above it (a bound the search for whole
	 * numbers needs: the m of an upper link has no other below) */
	for (int i = 0; i < n; i++) {
		const SolvePair *q = &s->pair[pairs[i]];
		if (q->nlinks && !c[i].keep)
			glp_set_col_bnds(m->lp, c[i].n, GLP_DB, 0, bound);
		for (int j = 0; j < q->nlinks; j++) {
			const SolveLink *l = &s->link[q->link0 + j];
			if (l->per)
				lcol[lbase[i] + j] = lp_col(m, GLP_IV, l->upper ? link_floor(s, l, bound * step) : 0, INFINITY);
		}
	}
	b->bound = bound;
}

/* Each pair's rows and its terms in every level's objective; each
 * candidate's. */
static void
pair_rows(Build *b)
{
	Model *m = &b->m;
	Solve *s = b->s;
	Cols *c = b->c;
	int n = b->n;
	int nc = b->nc;
	const int *pairs = b->pairs;
	const int *cands = b->cands;
	int *local = b->local;
	int *lcol = b->lcol;
	int *lbase = b->lbase;
	int *cp = b->cp;
	const int *cstart = b->cstart;
	const int *cand_of = b->cand_of;
	double step = b->s->step;
	double bound = b->bound;
	for (int i = 0; i < n; i++) {
		SolvePair *q = &s->pair[pairs[i]];
		Cols *k = &c[i];
		/* x = step n (+ current when kept) */
		lp_term(m, k->x, 1);
		lp_term(m, k->n, -step);
		if (k->keep) {
			lp_term(m, k->keep, -q->current);
			lp_row(m, GLP_FX, 0, 0);
			lp_term(m, k->n, 1);
			lp_term(m, k->keep, bound);
			lp_row(m, GLP_UP, 0, bound);
		} else {
			lp_row(m, GLP_FX, 0, 0);
		}
		/* x = current + h - r + in - out + placed */
		lp_term(m, k->x, 1);
		lp_term(m, k->h, -1);
		lp_term(m, k->r, 1);
		if (k->in) {
			lp_term(m, k->in, -1);
			lp_term(m, k->out, 1);
		}
		for (int j = cstart[i]; j < cstart[i + 1]; j++)
			lp_term(m, cp[cand_of[j]], -1);
		lp_row(m, GLP_FX, q->current, q->current);
		/* only staff already there leave: a placed person is not
		 * released or sent on */
		lp_term(m, k->r, 1);
		if (k->out)
			lp_term(m, k->out, 1);
		lp_row(m, GLP_UP, 0, q->current);
		if (cstart[i + 1] > cstart[i]) {
			/* pool people fill room or need: a (unit, role) they
			 * may go to keeps its own staff (none released or
			 * moved away to make room), but for those above its
			 * target */
			lp_term(m, k->r, 1);
			if (k->out)
				lp_term(m, k->out, 1);
			lp_row(m, GLP_UP, 0, solve_excess(q));
		}
		/* (with links, a distance may be there for them alone) */
		if (k->um && q->must.min > 0) {	/* um >= M.min - x */
			lp_term(m, k->x, 1), lp_term(m, k->um, 1);
			lp_row(m, GLP_LO, q->must.min, 0);
		}
		if (k->om && isfinite(q->must.max)) {	/* om >= x - M.max */
			lp_term(m, k->x, 1), lp_term(m, k->om, -1);
			lp_row(m, GLP_UP, 0, q->must.max);
		}
		if (k->us && q->target.min > 0) {
			lp_term(m, k->x, 1), lp_term(m, k->us, 1);
			lp_row(m, GLP_LO, q->target.min, 0);
		}
		if (k->os && isfinite(q->target.max)) {
			lp_term(m, k->x, 1), lp_term(m, k->os, -1);
			lp_row(m, GLP_UP, 0, q->target.max);
		}
		link_rows(m, s, q, k, c, local, lcol + lbase[i]);
		lp_obj(m, 1, k->um, 1), lp_obj(m, 1, k->om, 1);
		lp_obj(m, 2, k->us, 1), lp_obj(m, 2, k->os, 1);
		lp_obj(m, 3, k->h, 1), lp_obj(m, 3, k->r, 1), lp_obj(m, 3, k->out, 1);
		lp_obj(m, 4, k->h, q->cost), lp_obj(m, 4, k->r, -q->cost);
		lp_obj(m, 5, k->h, 1);
		double rank = i + 1;
		lp_obj(m, 6, k->h, rank), lp_obj(m, 6, k->r, rank);
		lp_obj(m, 6, k->in, rank), lp_obj(m, 6, k->out, rank);
	}
	for (int j = 0; j < nc; j++) {
		const SolveCand *a = &s->cand[cands[j]];
		lp_obj(m, 3, cp[j], 1);
		lp_obj(m, 4, cp[j], s->pair[a->pair].cost);
		lp_obj(m, 6, cp[j], local[a->pair] + 1);
	}
}

static void
transfer_rows(Build *b)
{
	Model *m = &b->m;
	Solve *s = b->s;
	Cols *c = b->c;
	int n = b->n;
	const int *pairs = b->pairs;
	int *local = b->local;
	/* each transfer group: as many move in as out, through its node */
	int *by_group = xmalloc((size_t)n * sizeof *by_group), ngm = 0;
	for (int i = 0; i < n; i++)
		if (s->pair[pairs[i]].group >= 0)
			by_group[ngm++] = pairs[i];
	qsort_r(by_group, (size_t)ngm, sizeof *by_group, cmp_group_row, s);
	for (int k = 0; k < ngm; k++) {
		int i = local[by_group[k]], g = s->pair[by_group[k]].group;
		lp_term(m, c[i].in, 1), lp_term(m, c[i].out, -1);
		if (k + 1 == ngm || s->pair[by_group[k + 1]].group != g)
			lp_row(m, GLP_FX, 0, 0);
	}
	free(by_group);
}

static void
budget_rows(Build *bd)
{
	Model *m = &bd->m;
	Solve *s = bd->s;
	Cols *c = bd->c;
	int n = bd->n;
	const int *pairs = bd->pairs;
	double step = bd->s->step;
	int *brow = bd->brow;
	double *bconst = bd->bconst;
	/* budgets: the change in cost (heads), over the limit at a price.
	 * The counts of one cost are summed in a whole column of their own
	 * (a class): the search branches on those first, so that pairs of
	 * the same cost, which the budget cannot tell apart, are not tried
	 * one against the other. */
	double *wk = NULL;
	int nk = 0, *kcol = NULL;
	int *cls = bd->cls = xmalloc((size_t)(n ? n : 1) * sizeof *cls);
	if (bd->budget) {
		wk = xmalloc((size_t)(n ? n : 1) * sizeof *wk);
		for (int i = 0; i < n; i++) {
			const SolvePair *q = &s->pair[pairs[i]];
			cls[i] = -1;
			if (c[i].keep || (q->cost == 0 && !s->budget[BUDGET_HEADCOUNT].set))
				continue;
			int k = 0;
			while (k < nk && wk[k] != q->cost)
				k++;
			if (k == nk)
				wk[nk++] = q->cost;
			cls[i] = k;
		}
		kcol = xmalloc((size_t)(nk ? nk : 1) * sizeof *kcol);
		for (int k = 0; k < nk; k++) {
			kcol[k] = lp_col(m, GLP_IV, -INFINITY, INFINITY);
			lp_term(m, kcol[k], 1);
			for (int i = 0; i < n; i++)
				if (cls[i] == k)
					lp_term(m, c[i].n, -1);
			lp_row(m, GLP_FX, 0, 0);
		}
	}
	for (int b = 0; bd->budget && b < 2; b++) {
		if (!s->budget[b].set)
			continue;
		for (int k = 0; k < nk; k++) {
			double w = b == BUDGET_COST ? wk[k] : 1;
			if (w)
				lp_term(m, kcol[k], w * step);
		}
		for (int i = 0; i < n; i++) {
			const SolvePair *q = &s->pair[pairs[i]];
			double w = b == BUDGET_COST ? q->cost : 1;
			if (w == 0)
				continue;
			bconst[b] += w * q->current;
			if (cls[i] < 0)
				lp_term(m, c[i].x, w);
		}
		lp_row(m, GLP_UP, 0, s->budget[b].limit + bconst[b]);
		brow[b] = glp_get_num_rows(m->lp);
	}
	free(wk);
	bd->nk = bd->budget ? nk : 0;
	bd->kcol = kcol;
}

/* The plan of the part from the last level's solution: counts, moves,
 * placements, and the hires and releases they leave. */
static void
take_plan(Build *bd)
{
	Model *m = &bd->m;
	Solve *s = bd->s;
	Cols *c = bd->c;
	int n = bd->n;
	int nc = bd->nc;
	const int *pairs = bd->pairs;
	const int *cands = bd->cands;
	int *cp = bd->cp;
	double step = bd->s->step;
	int *brow = bd->brow;
	for (int i = 0; i < n; i++) {
		SolvePair *q = &s->pair[pairs[i]];
		q->proposed = val(m, c[i].x);
		if (!c[i].keep || val(m, c[i].keep) < 0.5)
			q->proposed = val(m, c[i].n) * step;
		q->moved_in = round(val(m, c[i].in));
		q->moved_out = round(val(m, c[i].out));
		q->placed = 0;
	}
	for (int j = 0; j < nc; j++) {
		SolveCand *a = &s->cand[cands[j]];
		a->count = round(val(m, cp[j]));
		s->pair[a->pair].placed += a->count;
	}
	/* hires and releases are what the whole numbers leave: never
	 * both, as either would be a change for nothing */
	for (int i = 0; i < n; i++) {
		SolvePair *q = &s->pair[pairs[i]];
		double d = q->proposed - q->current - q->moved_in + q->moved_out - q->placed;
		d = round(d * 1e9) / 1e9;
		q->hired = d > 0 ? d : 0;
		q->released = d < 0 ? -d : 0;
	}
	/* what each budget's least change leaves over */
	for (int b = 0; b < 2; b++)
		if (brow[b])
			s->over[b] = solve_dist(m->least[b], -INFINITY, s->budget[b].limit);
}

/* Solves the pairs of one part (pairs[0..n), in id order) and the
 * candidates among cands[0..nc). */
bool
model_solve(Solve *s, const int *pairs, int n, const int *cands, int nc, bool budget, int *local)
{
	const Program *p = s->p;
	Build bd = {.s = s, .pairs = pairs, .n = n, .cands = cands, .nc = nc, .budget = budget, .local = local};
	Build *b = &bd;
	glp_term_out(GLP_OFF);	/* GLPK says nothing on coplan's output */
	b->m.lp = glp_create_prob();
	b->c = xcalloc((size_t)n, sizeof *b->c);
	int nl = 0;
	b->lbase = xmalloc((size_t)(n + 1) * sizeof *b->lbase);
	for (int i = 0; i < n; i++)
		nl += s->pair[pairs[i]].nlinks;
	b->lcol = xcalloc((size_t)(nl ? nl : 1), sizeof *b->lcol);
	b->cp = xcalloc((size_t)(nc ? nc : 1), sizeof *b->cp);
	/* the candidates of each pair: cand_of[cstart[i] .. cstart[i+1]) */
	for (int i = 0; i < n; i++)
		local[pairs[i]] = i;
	int *cstart = xcalloc((size_t)n + 1, sizeof *cstart), *cand_of = xmalloc((size_t)(nc ? nc : 1) * sizeof *cand_of);
	for (int j = 0; j < nc; j++)
		cstart[local[s->cand[cands[j]].pair] + 1]++;
	for (int i = 0; i < n; i++)
		cstart[i + 1] += cstart[i];
	int *fill = xmalloc((size_t)(n + 1) * sizeof *fill);
	memcpy(fill, cstart, (size_t)(n + 1) * sizeof *fill);
	for (int j = 0; j < nc; j++)
		cand_of[fill[local[s->cand[cands[j]].pair]]++] = j;
	free(fill);
	b->cstart = cstart, b->cand_of = cand_of;
	b->unpl = xcalloc((size_t)(p->npools ? p->npools : 1), sizeof *b->unpl);
	pair_columns(b);
	pool_rows(b);
	pair_rows(b);
	transfer_rows(b);
	budget_rows(b);
	Part part = {.s = s, .pairs = pairs, .cands = cands, .local = local, .n = n, .nc = nc, .c = b->c, .cp = b->cp,
		     .unpl = b->unpl, .lcol = b->lcol, .lbase = b->lbase, .brow = {b->brow[0], b->brow[1]},
		     .bconst = {b->bconst[0], b->bconst[1]}, .kcol = b->kcol, .cls = b->cls, .nk = b->nk};
	bool ok = levels_optimise(s, &b->m, &part);
	if (ok)
		take_plan(b);
	glp_delete_prob(b->m.lp);
	free(b->m.sol);
	for (int l = 0; l < LEVELS + 2; l++)
		free(b->m.obj[l]);
	free(b->m.t);
	free(b->c);
	free(b->cp);
	free(b->unpl);
	free(b->lcol);
	free(b->lbase);
	free(cstart);
	free(cand_of);
	free(b->kcol);
	free(b->cls);
	return ok;
}
