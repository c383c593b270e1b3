/* levels.c: a part's levels minimised one after the other: each
 * solution made exact, each level held at its optimum while the next
 * is minimised. */
#include "levels.h"
#include "exact.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Whether sol keeps every row and column bound of m's program, within
 * GLPK's own tolerance. */
static bool
keeps_rows(const Model *m, const double *sol)
{
	int nrows = glp_get_num_rows(m->lp), ncols = glp_get_num_cols(m->lp);
	int *ind = xmalloc((size_t)(ncols + 1) * sizeof *ind);
	double *val = xmalloc((size_t)(ncols + 1) * sizeof *val);
	bool ok = true;
	for (int j = 1; j <= ncols && ok; j++) {
		int type = glp_get_col_type(m->lp, j);
		double v = sol[j], tol = 1e-9 * (1 + fabs(v));
		ok = (type == GLP_FR || type == GLP_UP || v >= glp_get_col_lb(m->lp, j) - tol) &&
			(type == GLP_FR || type == GLP_LO || v <= glp_get_col_ub(m->lp, j) + tol);
	}
	for (int i = 1; i <= nrows && ok; i++) {
		int len = glp_get_mat_row(m->lp, i, ind, val), type = glp_get_row_type(m->lp, i);
		double a = 0, mag = 1;
		for (int k = 1; k <= len; k++)
			a += val[k] * sol[ind[k]], mag += fabs(val[k] * sol[ind[k]]);
		double tol = 1e-9 * mag;
		ok = (type == GLP_FR || type == GLP_UP || a >= glp_get_row_lb(m->lp, i) - tol) &&
			(type == GLP_FR || type == GLP_LO || a <= glp_get_row_ub(m->lp, i) + tol);
	}
	free(ind);
	free(val);
	return ok;
}

/* The first level's start, into sol: the round before's plan where it
 * keeps this round's rows (the requirements moved little), else the
 * plan that changes nothing (every count as loaded, no one placed: it
 * keeps them unless a budget's limit is below 0 and held).  False when
 * neither does. */
static bool
start(const Model *m, const Part *t, double *sol)
{
	const Solve *s = t->s;
	size_t size = ((size_t)glp_get_num_cols(m->lp) + 1) * sizeof *sol;
	bool last = s->last.valid && (!t->nc || s->last.same_cands);
	for (int i = 0; i < t->n && last; i++)
		last = t->pairs[i] < s->last.npairs && s->last.pair[t->pairs[i]].unit == s->pair[t->pairs[i]].unit &&
			s->last.pair[t->pairs[i]].role == s->pair[t->pairs[i]].role;
	for (int pass = last ? 0 : 1; pass < 2; pass++) {
		memset(sol, 0, size);
		for (int i = 0; i < t->n; i++) {
			const SolvePair *q = &s->pair[t->pairs[i]], *b = pass ? q : &s->last.pair[t->pairs[i]];
			const Cols *k = &t->c[i];
			bool kept = pass || b->proposed == q->current;
			if (k->keep && kept)
				sol[k->keep] = 1;
			else
				sol[k->n] = round((pass ? q->current : b->proposed) / s->step);
			if (!pass && k->in)
				sol[k->in] = b->moved_in, sol[k->out] = b->moved_out;
		}
		for (int j = 0; j < t->nc && !pass; j++)
			sol[t->cp[j]] = s->last.cand[t->cands[j]].count;
		levels_clean(t, sol);
		if (keeps_rows(m, sol))
			return true;
	}
	return false;
}

/* The last level only breaks ties (changes at the units first in id
 * order): its search stops early with the best plan it found.  On the
 * others a search that reaches its limit is an error, never a plan. */
enum { TIE_LEVELS = 6, SEARCH_NODES = 20000, TIE_NODES = 20 };

typedef struct Search {
	const double *start;	/* a whole plan to start from, or NULL */
	int given, limit;
	bool whole;		/* the objective is whole at every whole plan */
	bool proven;		/* stopped because nothing can do better */
	double bound;		/* the best bound when it stopped */
} Search;

static bool
is_whole(double v)
{
	return !isfinite(v) || v == round(v);
}

/* Which levels' objectives are whole numbers at every whole plan of part
 * t: where they are, a search may stop as soon as its bound, rounded up,
 * meets its best plan, and a level is held at its optimum exactly.
 * Changes (levels 3, 5, 6) are whole when the step and the counts are;
 * distances (1, 2) when the bounds and links are too; cost (0, 4) when
 * the costs and limits are. */
static void
whole_levels(const Part *t, bool *exact)
{
	const Solve *s = t->s;
	const Program *p = s->p;
	bool counts = is_whole(s->step), bounds = true, costs = true;
	for (int j = 0; j < p->npools; j++)
		counts &= is_whole(p->pools[j].n);
	for (int b = 0; b < 2; b++)
		costs &= !s->budget[b].set || is_whole(s->budget[b].limit);
	for (int i = 0; i < t->n; i++) {
		const SolvePair *q = &s->pair[t->pairs[i]];
		counts &= is_whole(q->current);
		costs &= is_whole(q->cost);
		bounds &= is_whole(q->must.min) && is_whole(q->must.max) &&
			(!q->should || (is_whole(q->target.min) && is_whole(q->target.max)));
		for (int j = 0; j < q->nlinks; j++) {
			const SolveLink *l = &s->link[q->link0 + j];
			bounds &= l->per ? is_whole(l->amount) : is_whole(l->c0);
			for (int k = 0; !l->per && k < l->nt; k++)
				bounds &= is_whole(s->term[l->t0 + k].coef);
		}
	}
	exact[0] = exact[4] = counts && costs;
	exact[1] = exact[2] = counts && bounds;
	exact[3] = exact[5] = exact[6] = counts;
}

/* Where every column of a kind is whole at every whole plan, it is
 * declared so: GLPK's search then branches on hires, releases and
 * distances as well as counts, and its cuts round the rows they are in
 * (wards of 1000 1.35x faster; with the presolver on linked parts, the
 * 2022 file's binding budget proven at all: docs/performance.md).
 * counts: exact[3]; distances, also whole bounds: exact[1]. */
static void
whole_columns(Model *m, const Part *t, const bool *exact)
{
	for (int i = 0; i < t->n && exact[3]; i++) {
		const Cols *k = &t->c[i];
		int cols[] = {k->x, k->h, k->r, k->um, k->om, k->us, k->os};
		for (int j = 0; j < (exact[1] ? 7 : 3); j++)
			if (cols[j])
				glp_set_col_kind(m->lp, cols[j], GLP_IV);
	}
	for (int j = 0; j < t->s->p->npools && exact[3]; j++)
		if (t->unpl[j] > 0)
			glp_set_col_kind(m->lp, t->unpl[j], GLP_IV);
}

/* GLPK's search: it starts from the level before's plan (every level is
 * held, so it is feasible), and stops after k->limit branches, the same
 * on every machine. */
static void
search_hook(glp_tree *t, void *info)
{
	Search *k = info;
	if (glp_ios_reason(t) == GLP_IHEUR && k->start && !k->given) {
		k->given = 1;
		glp_ios_heur_sol(t, k->start);
	}
	glp_prob *lp = glp_ios_get_prob(t);
	int best = glp_ios_best_node(t);
	if (k->whole && best && glp_mip_status(lp) == GLP_FEAS &&
	    ceil(glp_ios_node_bound(t, best) - 1e-6) >= glp_mip_obj_val(lp) - 1e-6) {
		k->proven = true;
		glp_ios_terminate(t);
		return;
	}
	int active, current, total;
	glp_ios_tree_size(t, &active, &current, &total);
	if (best)
		k->bound = glp_ios_node_bound(t, best);
	if (total > k->limit)
		glp_ios_terminate(t);
}

/* Whether part t has rules sizing one count by another. */
static bool
linked(const Part *t)
{
	return t->lbase[t->n] > 0;
}

/* Past the deadline, the searches of the levels left still run, each
 * for a twentieth of the limit, until a tenth of the limit is over:
 * after that a level keeps the plan before. */
static double
hard_stop(const Solve *s)
{
	return s->deadline + s->time_limit / 10;
}

/* The milliseconds a search may take before the deadline: at least a
 * twentieth of the limit, so that the levels and rounds after it still
 * make a plan worth reading, but not past the hard stop (a two-hundredth
 * when there is no plan before to keep). */
static int
time_left(const Solve *s)
{
	double now = clock_seconds(), grace = fmin(s->time_limit / 20, hard_stop(s) - now);
	double left = fmax(s->deadline - now, fmax(grace, s->time_limit / 200));
	return left * 1000 < INT_MAX ? (int)(left * 1000) + 1 : INT_MAX;
}

/* Notes level l's search left at its best plan (value best, no plan
 * below bound): the plan says the first such level. */
static void
unproven(Solve *s, int l, double best, double bound)
{
	if (s->unproven.level >= 0 && s->unproven.level <= l)
		return;
	s->unproven = (SolveStop){l, solve_tidy(best), solve_tidy(bound)};
}

/* Level l's objective at sol. */
static double
level_value(const Model *m, int l, const double *sol)
{
	double z = 0;
	for (int k = 0; k < m->nobj[l]; k++)
		z += m->obj[l][k].coef * sol[m->obj[l][k].col];
	return z;
}

/* Sets the objective to the terms t[0..n) (and nothing else). */
static void
set_objective(Model *m, const Term *t, int n)
{
	int ncols = glp_get_num_cols(m->lp);
	for (int j = 1; j <= ncols; j++)
		glp_set_obj_coef(m->lp, j, 0);
	for (int k = 0; k < n; k++)
		glp_set_obj_coef(m->lp, t[k].col, glp_get_obj_coef(m->lp, t[k].col) + t[k].coef);
}

/* Level l keeps the plan before (prev, already exact), unproven with no
 * bound known: the time limit left no search for it.  True. */
static bool
keep_before(Model *m, const double *prev, int l)
{
	memcpy(m->sol, prev, ((size_t)glp_get_num_cols(m->lp) + 1) * sizeof *prev);
	m->left = (SolveStop){l < LEVELS ? l : 0, level_value(m, l, m->sol), NAN};
	return true;
}

/* Minimises the objective set; the whole plan found, made exact, in
 * m->sol.  prev: a whole plan to start from (it keeps every row), or
 * NULL.  False when GLPK could not prove an optimum. */
static bool
minimise(Model *m, const Part *part, const double *prev, bool exact, bool tie, glp_smcp *sp, glp_iocp *ip, int l)
{
	int ncols = glp_get_num_cols(m->lp);
	m->left.level = -1;
	if (prev && part->s->deadline > 0 && clock_seconds() >= hard_stop(part->s))
		return keep_before(m, prev, l);	/* no time left at all */
	if (part->s->deadline > 0)	/* the relaxation too, at the largest */
		sp->tm_lim = time_left(part->s);
	int lp_rc = glp_simplex(m->lp, sp);
	if (lp_rc == GLP_ETMLIM && prev)	/* out of time before the relaxation's optimum */
		return keep_before(m, prev, l);
	if (lp_rc != 0 || glp_get_status(m->lp) != GLP_OPT)
		return false;
	/* a relaxation whose optimum is whole is the answer: the search
	 * for whole numbers runs only when it is not */
	bool whole = true;
	for (int j = 1; j <= ncols && whole; j++) {
		m->sol[j] = glp_get_col_prim(m->lp, j);
		whole = glp_get_col_kind(m->lp, j) == GLP_CV || fabs(m->sol[j] - round(m->sol[j])) < 1e-9;
	}
	/* the level before's answer is this one's too when no relaxation
	 * does better */
	double bound = glp_get_obj_val(m->lp);
	if (exact)
		bound = ceil(bound - 1e-6);
	if (!whole && prev && level_value(m, l, prev) <= bound + 1e-9 * (1 + fabs(bound))) {
		memcpy(m->sol, prev, ((size_t)ncols + 1) * sizeof *prev);
		whole = true;
	}
	if (!whole) {
		/* where counts are linked, GLPK's presolver first: it
		 * tightens the spans' rows against the budget's, which its
		 * search alone closes only by luck.  It works on a program of
		 * its own, so the plan before cannot be given as a start. */
		bool pre = linked(part) && !tie;
		Solve *s = (Solve *)part->s;
		bool timed = s->deadline > 0 && !tie;
		Search k = {pre ? NULL : prev, 0, timed ? INT_MAX : tie ? TIE_NODES : SEARCH_NODES, exact, false, -INFINITY};
		ip->tm_lim = timed ? time_left(s) : INT_MAX;
		ip->cb_func = search_hook;
		ip->presolve = pre ? GLP_ON : GLP_OFF;
		/* no cuts for the tie-break: at its root they cost more than
		 * its few branches.  Never GLPK 5.0's cover cuts: on some
		 * programs glp_cov_init calls glp_add_cols with no column and
		 * GLPK aborts the process (found by fuzz_plan: halves, two
		 * pools, both budgets); they seldom apply here (covers need
		 * binary knapsack rows, and counts are general integers). */
		ip->gmi_cuts = ip->mir_cuts = ip->clq_cuts = tie ? GLP_OFF : GLP_ON;
		ip->cov_cuts = GLP_OFF;
		ip->cb_info = &k;
		int rc = glp_intopt(m->lp, ip), st = glp_mip_status(m->lp);
		/* the tie-break's search found nothing better than the plan
		 * before: that plan */
		if (tie && prev && st != GLP_OPT && st != GLP_FEAS) {
			memcpy(m->sol, prev, ((size_t)ncols + 1) * sizeof *prev);
			levels_clean(part, m->sol);
			return true;
		}
		/* stopped at the limit: the best found will do for the
		 * tie-breaks, not for the levels that say what is met;
		 * with a deadline, the best of it and the plan before, said
		 * as not proven */
		bool done = (rc == 0 && st == GLP_OPT) || (rc == GLP_ESTOP && st == GLP_FEAS && (k.proven || tie));
		if (!done && timed && rc == GLP_ETMLIM && (st == GLP_FEAS || prev)) {
			bool found = st == GLP_FEAS && (!prev || glp_mip_obj_val(m->lp) < level_value(m, l, prev));
			for (int j = 1; j <= ncols; j++)
				m->sol[j] = found ? glp_mip_col_val(m->lp, j) : prev[j];
			levels_clean(part, m->sol);
			double below = fmax(bound, k.bound);
			m->left = (SolveStop){l < LEVELS ? l : 0, level_value(m, l, m->sol), (exact ? ceil(below - 1e-6) : below) + 0.0};
			return true;
		}
		if (!done) {
			s->stop.level = l < LEVELS ? l : 0;
			s->stop.best = st == GLP_FEAS ? glp_mip_obj_val(m->lp) : NAN;
			s->stop.bound = k.bound;
			return false;
		}
		for (int j = 1; j <= ncols; j++)
			m->sol[j] = glp_mip_col_val(m->lp, j);
	}
	levels_clean(part, m->sol);
	return true;
}

/* Minimises each level in turn; false when GLPK could not prove an
 * optimum.  The first starts from the round before's plan or from the
 * plan that changes nothing (start).  Level 0 is the budgets: each
 * budget's least change is found first (a plan that makes no more keeps it, when any plan can); where
 * it is over the limit, the change is held at that least, and what it
 * leaves over is the overrun.  Held so, not as an overrun above the
 * limit, no figure of the program is larger than the plan's own: a
 * limit far below what any plan can make does not drown the counts in
 * GLPK's tolerances. */
bool
levels_optimise(Solve *s, Model *m, const Part *part)
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
	double *prev = xcalloc((size_t)ncols + 1, sizeof *prev);
	bool exact[LEVELS];
	whole_levels(part, exact);
	whole_columns(m, part, exact);
	glp_set_obj_dir(m->lp, GLP_MIN);
	glp_cpx_basis(m->lp);	/* a crash basis: a cold start from the
				 * slacks is many times slower on these models */
	for (int b = 0; b < 2; b++) {
		if (!part->brow[b])
			continue;
		/* the budget's row, as the objective: its least change */
		int row = part->brow[b], len = glp_get_mat_row(m->lp, row, NULL, NULL);
		int *ind = xmalloc((size_t)(len + 1) * sizeof *ind);
		double *v = xmalloc((size_t)(len + 1) * sizeof *v);
		glp_get_mat_row(m->lp, row, ind, v);
		m->nobj[LEVELS + b] = 0;
		for (int k = 1; k <= len; k++)
			lp_obj(m, LEVELS + b, ind[k], v[k]);
		free(ind);
		free(v);
		double limit = s->budget[b].limit, top = glp_get_row_ub(m->lp, row);
		glp_set_row_bnds(m->lp, row, GLP_FR, 0, 0);
		set_objective(m, m->obj[LEVELS + b], m->nobj[LEVELS + b]);
		s->solves++;
		if (!minimise(m, part, solved || start(m, part, prev) ? prev : NULL, exact[0], false, &sp, &ip, LEVELS + b)) {
			free(prev);
			return false;
		}
		memcpy(prev, m->sol, ((size_t)ncols + 1) * sizeof *prev);
		solved = true;
		double least = level_value(m, LEVELS + b, m->sol);
		m->least[b] = least - part->bconst[b];
		/* kept: the limit; not: held at the least, exactly (with a
		 * deadline that stopped the search, at the least it found,
		 * said as not proven) */
		bool kept = m->least[b] <= limit + (exact[0] ? 0 : 1e-9 * (1 + fabs(limit)));
		if (!kept && m->left.level >= 0)
			unproven(s, 0, m->least[b], m->left.bound - part->bconst[b]);
		glp_set_row_bnds(m->lp, row, GLP_UP, 0, kept ? top : exact[0] ? least : least + 1e-9 * (1 + fabs(least)));
	}
	for (int l = 1; l < LEVELS; l++) {
		if (!m->nobj[l] && (solved || l + 1 < LEVELS))
			continue;
		set_objective(m, m->obj[l], m->nobj[l]);
		s->solves++;
		if (!minimise(m, part, solved || start(m, part, prev) ? prev : NULL, exact[l], l >= TIE_LEVELS, &sp, &ip, l)) {
			solved = false;
			break;
		}
		memcpy(prev, m->sol, ((size_t)ncols + 1) * sizeof *prev);
		solved = true;
		if (m->left.level >= 0)
			unproven(s, m->left.level, m->left.best, m->left.bound);
		if (l + 1 == LEVELS || !m->nobj[l])
			continue;
		double z = level_value(m, l, m->sol);
		/* held at its optimum while the next levels are minimised:
		 * exactly, where the level is whole at whole plans */
		for (int k = 0; k < m->nobj[l]; k++)
			lp_term(m, m->obj[l][k].col, m->obj[l][k].coef);
		lp_row(m, GLP_UP, 0, exact[l] ? round(z) : z + 1e-9 * (1 + fabs(z)));
	}
	free(prev);
	return solved;
}
