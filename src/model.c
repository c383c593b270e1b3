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

#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { LEVELS = 7 };

typedef struct Cols {		/* a pair's columns; 0 when absent */
	int x, n, keep, h, r, in, out, um, om, us, os;
} Cols;

typedef struct Term {
	int col;
	double coef;
} Term;

typedef struct Model {
	glp_prob *lp;
	Term *t; int nt, capt;		/* the row being built */
	Term *obj[LEVELS]; int nobj[LEVELS], capobj[LEVELS];
	double *sol;			/* the last level's solution, by column */
} Model;

static int
col(Model *m, int kind, double lo, double hi)
{
	int j = glp_add_cols(m->lp, 1);
	glp_set_col_kind(m->lp, j, kind);
	glp_set_col_bnds(m->lp, j, isfinite(hi) ? (lo == hi ? GLP_FX : GLP_DB) : GLP_LO, lo, hi);
	return j;
}

static void
term(Model *m, int c, double coef)
{
	vec_grow((void **)&m->t, m->nt, &m->capt, sizeof *m->t);
	m->t[m->nt++] = (Term){c, coef};
}

static void
obj(Model *m, int level, int c, double coef)
{
	if (!c || coef == 0)
		return;
	vec_grow((void **)&m->obj[level], m->nobj[level], &m->capobj[level], sizeof **m->obj);
	m->obj[level][m->nobj[level]++] = (Term){c, coef};
}

/* Adds the row built in m->t with bounds (type, lo, hi). */
static void
row(Model *m, int type, double lo, double hi)
{
	int i = glp_add_rows(m->lp, 1), n = m->nt;
	int *ind = xmalloc((size_t)(n + 1) * sizeof *ind);
	double *val = xmalloc((size_t)(n + 1) * sizeof *val);
	for (int k = 0; k < n; k++)
		ind[k + 1] = m->t[k].col, val[k + 1] = m->t[k].coef;
	glp_set_mat_row(m->lp, i, n, ind, val);
	glp_set_row_bnds(m->lp, i, type, lo, hi);
	free(ind);
	free(val);
	m->nt = 0;
}

/* What solve_part built, for clean(). */
typedef struct Part {
	const Solve *s;
	const int *pairs, *cands, *local;
	int n, nc;
	const Cols *c;
	const int *cp, *unpl;	/* unpl: per pool, its column or 0 */
	const int *over;	/* per budget */
} Part;

/* GLPK's solution is feasible within its tolerances: a release of 1e-6
 * may shave a level's optimum.  Held at such a value the next level would
 * have no solution; so each solution is made exact first: its whole
 * numbers rounded, every other column worked out from them. */
static void
clean(const Part *t, double *sol)
{
	const Solve *s = t->s;
	const Program *p = s->p;
	double step = s->step, placed_by[2] = {0, 0};
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
		if (k->um)
			sol[k->um] = solve_dist(x, q->must.min, INFINITY);
		if (k->om)
			sol[k->om] = solve_dist(x, 0, q->must.max);
		if (k->us)
			sol[k->us] = solve_dist(x, q->target.min, INFINITY);
		if (k->os)
			sol[k->os] = solve_dist(x, 0, q->target.max);
		placed_by[BUDGET_COST] += q->cost * (x - q->current);
		placed_by[BUDGET_HEADCOUNT] += x - q->current;
	}
	for (int j = 0; j < p->npools; j++)
		if (t->unpl[j] > 0)
			sol[t->unpl[j]] = p->pools[j].n - pool_placed[j] > 0 ? p->pools[j].n - pool_placed[j] : 0;
	for (int b = 0; b < 2; b++)
		if (t->over[b])
			sol[t->over[b]] = solve_dist(placed_by[b], -INFINITY, p->budget[b].limit);
	free(pool_placed);
	free(at);
}

/* Minimises each level in turn; false when GLPK could not prove an
 * optimum. */
static bool
optimise(Solve *s, Model *m, const Part *part)
{
	glp_smcp sp;
	glp_init_smcp(&sp);
	sp.msg_lev = GLP_MSG_OFF;
	sp.presolve = GLP_OFF;
	glp_iocp ip;
	glp_init_iocp(&ip);
	ip.msg_lev = GLP_MSG_OFF;
	ip.presolve = GLP_OFF;
	int ncols = glp_get_num_cols(m->lp);
	bool solved = false;
	m->sol = xcalloc((size_t)ncols + 1, sizeof *m->sol);
	glp_set_obj_dir(m->lp, GLP_MIN);
	for (int l = 0; l < LEVELS; l++) {
		if (!m->nobj[l] && (solved || l + 1 < LEVELS))
			continue;
		for (int j = 1; j <= ncols; j++)
			glp_set_obj_coef(m->lp, j, 0);
		for (int k = 0; k < m->nobj[l]; k++)
			glp_set_obj_coef(m->lp, m->obj[l][k].col,
					 glp_get_obj_coef(m->lp, m->obj[l][k].col) + m->obj[l][k].coef);
		s->solves++;
		if (!solved)	/* a crash basis: a cold start from the slacks is
				 * many times slower on these models */
			glp_cpx_basis(m->lp);
		if (glp_simplex(m->lp, &sp) != 0 || glp_get_status(m->lp) != GLP_OPT)
			return false;
		/* a relaxation whose optimum is whole is the answer: the
		 * search for whole numbers runs only when it is not */
		bool whole = true;
		for (int j = 1; j <= ncols && whole; j++) {
			m->sol[j] = glp_get_col_prim(m->lp, j);
			whole = glp_get_col_kind(m->lp, j) == GLP_CV || fabs(m->sol[j] - round(m->sol[j])) < 1e-9;
		}
		if (!whole) {
			if (glp_intopt(m->lp, &ip) != 0 || glp_mip_status(m->lp) != GLP_OPT)
				return false;
			for (int j = 1; j <= ncols; j++)
				m->sol[j] = glp_mip_col_val(m->lp, j);
		}
		clean(part, m->sol);
		solved = true;
		if (l + 1 == LEVELS || !m->nobj[l])
			continue;
		double z = 0;
		for (int k = 0; k < m->nobj[l]; k++)
			z += m->obj[l][k].coef * m->sol[m->obj[l][k].col];
		/* held at its optimum while the next levels are minimised */
		for (int k = 0; k < m->nobj[l]; k++)
			term(m, m->obj[l][k].col, m->obj[l][k].coef);
		row(m, GLP_UP, 0, z + 1e-9 * (1 + fabs(z)));
	}
	return solved;
}

/* The value of a column in the solution, whole when it should be. */
static double
val(Model *m, int c)
{
	if (!c)
		return 0;
	double v = m->sol[c];
	return round(v * 1e6) / 1e6;	/* what GLPK's tolerances leave over */
}

static int
cmp_group(const void *a, const void *b, void *arg)
{
	const Solve *s = arg;
	int x = *(const int *)a, y = *(const int *)b;
	int gx = s->pair[x].group, gy = s->pair[y].group;
	return gx != gy ? (gx > gy) - (gx < gy) : (x > y) - (x < y);
}

/* Solves the pairs of one part (pairs[0..n), in id order) and the
 * candidates among cands[0..nc). */
bool
model_solve(Solve *s, const int *pairs, int n, const int *cands, int nc, bool budget, int *local)
{
	const Program *p = s->p;
	Model m = {0};
	glp_term_out(GLP_OFF);	/* GLPK says nothing on coplan's output */
	m.lp = glp_create_prob();
	Cols *c = xcalloc((size_t)n, sizeof *c);
	int *cp = xcalloc((size_t)(nc ? nc : 1), sizeof *cp);
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
	int *unpl = xcalloc((size_t)(p->npools ? p->npools : 1), sizeof *unpl);
	double step = s->step;
	for (int i = 0; i < n; i++) {
		SolvePair *q = &s->pair[pairs[i]];
		Cols *k = &c[i];
		k->x = col(&m, GLP_CV, 0, INFINITY);
		k->n = col(&m, GLP_IV, 0, INFINITY);
		if (!solve_on_grid(q->current, step))
			k->keep = col(&m, GLP_BV, 0, 1);
		k->h = col(&m, GLP_CV, 0, INFINITY);
		k->r = col(&m, GLP_CV, 0, INFINITY);
		if (q->group >= 0) {
			k->in = col(&m, GLP_IV, 0, INFINITY);
			k->out = col(&m, GLP_IV, 0, INFINITY);
		}
		if (q->must.min > 0)
			k->um = col(&m, GLP_CV, 0, INFINITY);
		if (isfinite(q->must.max))
			k->om = col(&m, GLP_CV, 0, INFINITY);
		if (q->should && q->target.min > 0)
			k->us = col(&m, GLP_CV, 0, INFINITY);
		if (q->should && isfinite(q->target.max))
			k->os = col(&m, GLP_CV, 0, INFINITY);
	}
	for (int j = 0; j < nc; j++)
		cp[j] = col(&m, GLP_IV, 0, INFINITY);
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
				term(&m, cp[k], 1);
		if (pl->at_most) {
			row(&m, GLP_UP, 0, pl->n);
		} else {
			unpl[pool] = col(&m, GLP_CV, 0, INFINITY);
			term(&m, unpl[pool], 1);
			row(&m, GLP_FX, pl->n, pl->n);
			obj(&m, 1, unpl[pool], 1);
		}
		bound += pl->n;
	}
	/* a count that stays off the grid changes not at all: n <= U (1 - keep) */
	for (int i = 0; i < n; i++)
		bound += s->pair[pairs[i]].current + (isfinite(s->pair[pairs[i]].must.min) ? s->pair[pairs[i]].must.min : 0);
	bound = bound / step + 2;
	for (int i = 0; i < n; i++) {
		SolvePair *q = &s->pair[pairs[i]];
		Cols *k = &c[i];
		/* x = step n (+ current when kept) */
		term(&m, k->x, 1);
		term(&m, k->n, -step);
		if (k->keep) {
			term(&m, k->keep, -q->current);
			row(&m, GLP_FX, 0, 0);
			term(&m, k->n, 1);
			term(&m, k->keep, bound);
			row(&m, GLP_UP, 0, bound);
		} else {
			row(&m, GLP_FX, 0, 0);
		}
		/* x = current + h - r + in - out + placed */
		term(&m, k->x, 1);
		term(&m, k->h, -1);
		term(&m, k->r, 1);
		if (k->in) {
			term(&m, k->in, -1);
			term(&m, k->out, 1);
		}
		for (int j = cstart[i]; j < cstart[i + 1]; j++)
			term(&m, cp[cand_of[j]], -1);
		row(&m, GLP_FX, q->current, q->current);
		/* only staff already there leave: a placed person is not
		 * released or sent on */
		term(&m, k->r, 1);
		if (k->out)
			term(&m, k->out, 1);
		row(&m, GLP_UP, 0, q->current);
		if (cstart[i + 1] > cstart[i]) {
			/* pool people fill room or need: a (unit, role) they
			 * may go to keeps its own staff (none released or
			 * moved away to make room), but for those above its
			 * target */
			double top = q->should ? q->target.max : q->must.max;
			double excess = isfinite(top) && q->current > top ? q->current - top : 0;
			term(&m, k->r, 1);
			if (k->out)
				term(&m, k->out, 1);
			row(&m, GLP_UP, 0, excess);
		}
		if (k->um) {	/* um >= M.min - x */
			term(&m, k->x, 1), term(&m, k->um, 1);
			row(&m, GLP_LO, q->must.min, 0);
		}
		if (k->om) {	/* om >= x - M.max */
			term(&m, k->x, 1), term(&m, k->om, -1);
			row(&m, GLP_UP, 0, q->must.max);
		}
		if (k->us) {
			term(&m, k->x, 1), term(&m, k->us, 1);
			row(&m, GLP_LO, q->target.min, 0);
		}
		if (k->os) {
			term(&m, k->x, 1), term(&m, k->os, -1);
			row(&m, GLP_UP, 0, q->target.max);
		}
		obj(&m, 1, k->um, 1), obj(&m, 1, k->om, 1);
		obj(&m, 2, k->us, 1), obj(&m, 2, k->os, 1);
		obj(&m, 3, k->h, 1), obj(&m, 3, k->r, 1), obj(&m, 3, k->out, 1);
		obj(&m, 4, k->h, q->cost), obj(&m, 4, k->r, -q->cost);
		obj(&m, 5, k->h, 1);
		double rank = i + 1;
		obj(&m, 6, k->h, rank), obj(&m, 6, k->r, rank);
		obj(&m, 6, k->in, rank), obj(&m, 6, k->out, rank);
	}
	for (int j = 0; j < nc; j++) {
		const SolveCand *a = &s->cand[cands[j]];
		obj(&m, 3, cp[j], 1);
		obj(&m, 4, cp[j], s->pair[a->pair].cost);
		obj(&m, 6, cp[j], local[a->pair] + 1);
	}
	/* each transfer group: as many move in as out, through its node */
	int *by_group = xmalloc((size_t)n * sizeof *by_group), ngm = 0;
	for (int i = 0; i < n; i++)
		if (s->pair[pairs[i]].group >= 0)
			by_group[ngm++] = pairs[i];
	qsort_r(by_group, (size_t)ngm, sizeof *by_group, cmp_group, s);
	for (int k = 0; k < ngm; k++) {
		int i = local[by_group[k]], g = s->pair[by_group[k]].group;
		term(&m, c[i].in, 1), term(&m, c[i].out, -1);
		if (k + 1 == ngm || s->pair[by_group[k + 1]].group != g)
			row(&m, GLP_FX, 0, 0);
	}
	free(by_group);
	/* budgets: the change in cost (heads), over the limit at a price */
	int over[2] = {0, 0};
	for (int b = 0; budget && b < 2; b++) {
		if (!p->budget[b].set)
			continue;
		over[b] = col(&m, GLP_CV, 0, INFINITY);
		for (int i = 0; i < n; i++) {
			const SolvePair *q = &s->pair[pairs[i]];
			double w = b == BUDGET_COST ? q->cost : 1;
			if (w == 0)
				continue;
			term(&m, c[i].h, w), term(&m, c[i].r, -w);
		}
		for (int j = 0; j < nc; j++) {
			double w = b == BUDGET_COST ? s->pair[s->cand[cands[j]].pair].cost : 1;
			if (w)
				term(&m, cp[j], w);
		}
		term(&m, over[b], -1);
		row(&m, GLP_UP, 0, p->budget[b].limit);
		obj(&m, 0, over[b], b == BUDGET_COST ? 1 : 1e3);
	}
	Part part = {s, pairs, cands, local, n, nc, c, cp, unpl, over};
	bool ok = optimise(s, &m, &part);
	if (ok) {
		for (int i = 0; i < n; i++) {
			SolvePair *q = &s->pair[pairs[i]];
			q->proposed = val(&m, c[i].x);
			if (!c[i].keep || val(&m, c[i].keep) < 0.5)
				q->proposed = val(&m, c[i].n) * step;
			q->moved_in = round(val(&m, c[i].in));
			q->moved_out = round(val(&m, c[i].out));
			q->placed = 0;
		}
		for (int j = 0; j < nc; j++) {
			SolveCand *a = &s->cand[cands[j]];
			a->count = round(val(&m, cp[j]));
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
		for (int b = 0; b < 2; b++)
			if (over[b])
				s->over[b] = val(&m, over[b]);
	}
	glp_delete_prob(m.lp);
	free(m.sol);
	for (int l = 0; l < LEVELS; l++)
		free(m.obj[l]);
	free(m.t);
	free(c);
	free(cp);
	free(unpl);
	free(cstart);
	free(cand_of);
	return ok;
}

