/* solve.c: pools, transfers and budgets: the parts of a whole plan.
 *
 * One problem per set of (unit, role)s that a pool, a transfer group or
 * a budget ties together, each solved by model.c; a problem of one (unit,
 * role) with no pool and no budget is worked out directly, and a part
 * whose input is the same as in the round before keeps its answer.  The
 * moves are then paired from the flows through each group's node.
 */
#include "solve.h"
#include "msg.h"

#include <glpk.h>	/* glp_free_env */
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { LEVELS = 7 };

int
solve_add_pair(Solve *s, SolvePair pair)
{
	vec_grow((void **)&s->pair, s->npairs, &s->cappairs, sizeof *s->pair);
	pair.proposed = pair.current;
	pair.hired = pair.released = pair.moved_in = pair.moved_out = pair.placed = 0;
	s->pair[s->npairs] = pair;
	return s->npairs++;
}

void
solve_add_cand(Solve *s, int pool, int pair)
{
	vec_grow((void **)&s->cand, s->ncand, &s->capcand, sizeof *s->cand);
	s->cand[s->ncand++] = (SolveCand){pool, pair, 0};
}

void
solve_clear(Solve *s)
{
	s->npairs = s->ncand = s->nmoves = s->nlinks = s->nterms = 0;
	s->over[0] = s->over[1] = 0;
	s->problems = 0;
}

void
solve_free(Solve *s)
{
	free(s->pair);
	free(s->cand);
	free(s->unplaced);
	free(s->moves);
	free(s->last.pair);
	free(s->last.cand);
	free(s->link);
	free(s->term);
	free(s->last.link);
	free(s->last.term);
	if (s->solves)
		glp_free_env();	/* GLPK keeps its environment until told */
	memset(s, 0, sizeof *s);
}

/* ---- the parts: union-find over pairs ---- */

static int
find(int *up, int i)
{
	while (up[i] != i)
		i = up[i] = up[up[i]];
	return i;
}

static void
join(int *up, int a, int b)
{
	a = find(up, a), b = find(up, b);
	if (a != b)
		up[a > b ? a : b] = a < b ? a : b;	/* the first pair names the part */
}

/* ---- one (unit, role) alone ---- */

/* The objective's levels at count x, for a pair with no pool and no
 * budget. */
static void
levels_at(const SolvePair *q, double x, int rank, double *v)
{
	double d = x - q->current;
	v[0] = 0;
	v[1] = solve_dist(x, q->must.min, q->must.max);
	v[2] = q->should ? solve_dist(x, q->target.min, q->target.max) : 0;
	v[3] = fabs(d);
	v[4] = q->cost * d;
	v[5] = d > 0 ? d : 0;
	v[6] = rank * fabs(d);
}

/* Each level is piecewise linear with its corners at the current count
 * and the ends of M and T: the best whole count is next to one of them. */
static void
solve_alone(Solve *s, SolvePair *q, int rank)
{
	double pts[5] = {q->current, q->must.min, q->must.max, q->should ? q->target.min : 0,
			 q->should ? q->target.max : 0};
	double step = s->step, best = q->current, bv[LEVELS];
	levels_at(q, best, rank, bv);
	bool have = solve_on_grid(q->current, step);	/* off the grid it may stay if it must */
	for (int i = 0; i < 5; i++) {
		if (!isfinite(pts[i]))
			continue;
		for (int j = 0; j < 2; j++) {
			double x = (j ? ceil(pts[i] / step - 1e-9) : floor(pts[i] / step + 1e-9)) * step;
			if (x < 0)
				continue;
			double v[LEVELS];
			levels_at(q, x, rank, v);
			int c = 0;
			for (int l = 0; l < LEVELS && !c; l++)
				c = v[l] < bv[l] - 1e-9 ? -1 : v[l] > bv[l] + 1e-9;
			if (c < 0 || (!have && c == 0)) {
				best = x;
				memcpy(bv, v, sizeof bv);
				have = true;
			}
		}
	}
	double d = best - q->current;
	q->proposed = best;
	q->hired = d > 0 ? d : 0;
	q->released = d < 0 ? -d : 0;
}

/* Pairs the senders and the receivers of each transfer group, both in
 * id order: any pairing is as good, this one is the same every time. */
static void
recover_moves(Solve *s)
{
	int ng = 0;
	for (int i = 0; i < s->npairs; i++)
		if (s->pair[i].group + 1 > ng)
			ng = s->pair[i].group + 1;
	int *next_in = xmalloc((size_t)(ng ? ng : 1) * sizeof *next_in);
	double *left = xmalloc((size_t)(s->npairs ? s->npairs : 1) * sizeof *left);
	for (int g = 0; g < ng; g++)
		next_in[g] = 0;
	for (int i = 0; i < s->npairs; i++)
		left[i] = s->pair[i].moved_in;
	for (int i = 0; i < s->npairs; i++) {
		SolvePair *from = &s->pair[i];
		double out = from->moved_out;
		int g = from->group;
		while (out > 0 && g >= 0) {
			int j = next_in[g];
			while (j < s->npairs && (s->pair[j].group != g || left[j] <= 0))
				j++;
			next_in[g] = j;
			if (j >= s->npairs)
				break;
			double k = out < left[j] ? out : left[j];
			vec_grow((void **)&s->moves, s->nmoves, &s->capmoves, sizeof *s->moves);
			s->moves[s->nmoves++] = (SolveMove){from->role, from->unit, s->pair[j].unit, k};
			out -= k;
			left[j] -= k;
		}
	}
	free(next_in);
	free(left);
}

/* Whether pair i has the same links as in the round before.  Of the most
 * the rules allowed (top), which moves with the counts round by round,
 * only what it leaves free to go counts: a top that moves above the
 * loaded count makes the same program, and the same plan. */
static bool
same_links(const Solve *s, int i)
{
	const SolvePair *a = &s->pair[i], *b = &s->last.pair[i];
	if (a->nlinks != b->nlinks || (a->nlinks && solve_excess(a) != solve_excess(b)))
		return false;
	for (int j = 0; j < a->nlinks; j++) {
		const SolveLink *x = &s->link[a->link0 + j], *y = &s->last.link[b->link0 + j];
		if (x->should != y->should || x->upper != y->upper || x->per != y->per || x->amount != y->amount ||
		    x->div != y->div || x->gap != y->gap || x->c0 != y->c0 || x->nt != y->nt)
			return false;
		for (int t = 0; t < x->nt; t++)
			if (s->term[x->t0 + t].pair != s->last.term[y->t0 + t].pair ||
			    s->term[x->t0 + t].coef != s->last.term[y->t0 + t].coef)
				return false;
	}
	return true;
}

static bool
same_input(const SolvePair *a, const SolvePair *b)
{
	return a->unit == b->unit && a->role == b->role && a->current == b->current &&
		a->must.min == b->must.min && a->must.max == b->must.max && a->should == b->should &&
		(!a->should || (a->target.min == b->target.min && a->target.max == b->target.max)) &&
		a->cost == b->cost && a->group == b->group && a->surplus == b->surplus;
}

/* Takes the last round's answers for a part whose input has not changed
 * (the requirements that move are usually few): true if it could. */
static bool
reuse(Solve *s, const int *pp, int np, const int *cands, int nc, bool budget)
{
	if (!s->last.valid || (nc && !s->last.same_cands))
		return false;
	for (int i = 0; i < np; i++)
		if (pp[i] >= s->last.npairs || !same_input(&s->pair[pp[i]], &s->last.pair[pp[i]]) || !same_links(s, pp[i]))
			return false;
	for (int i = 0; i < np; i++) {	/* the answer, not the links */
		SolvePair *q = &s->pair[pp[i]];
		int link0 = q->link0;
		*q = s->last.pair[pp[i]];
		q->link0 = link0;
	}
	for (int j = 0; j < nc; j++)
		s->cand[cands[j]].count = s->last.cand[cands[j]].count;
	for (int b = 0; budget && b < 2; b++)
		s->over[b] = s->last.over[b];
	return true;
}

/* Says why a part has no plan: what ties its (unit, role)s together,
 * how far its search got, and what to do. */
static void
say_stop(const Solve *s, Diag *d, const int *pp, int np, const int *cands, int nc, bool in_budget)
{
	const Program *p = s->p;
	const SolvePair *q = &s->pair[pp[0]];
	Buf why = {0}, how = {0};
	if (in_budget)
		buf_printf(&why, _("the %s budget"), s->budget[BUDGET_COST].set ? "cost" : "headcount");
	else if (nc)
		buf_printf(&why, _("the pool '%s'"), p->pools[s->cand[cands[0]].pool].name);
	else if (q->group >= 0)
		buf_printf(&why, _("the transfer of '%s'"), p->roles[q->role].name);
	else
		buf_printf(&why, _("the rules linked to '%s'"), p->roles[q->role].name);
	if (s->stop.level >= 0 && isfinite(s->stop.best) && isfinite(s->stop.bound)) {
		double best = solve_tidy(s->stop.best), bound = solve_tidy(s->stop.bound);
		buf_printf(&how, _("; minimising %s, its best plan is at %.10g and no plan can be below %.10g (a gap of %.3g %%)"),
			   _(solve_level_name(s->stop.level)), best, bound, solve_gap(best, bound));
	} else if (s->stop.level >= 0) {
		buf_printf(&how, _("; minimising %s, it found no plan"), _(solve_level_name(s->stop.level)));
	}
	diag_plain(d, "the solver could not prove an optimal plan for the %d (unit, role)s that %s ties together "
		   "within its search limit%s: plan with a budget per area (an area's plan as its own run), "
		   "or with fewer rules sizing one count by another, or %s", np, buf_cstr(&why), buf_cstr(&how),
		   s->deadline > 0 ? _("with a longer --time-limit") : _("with --time-limit S for the best plan found in S seconds"));
	buf_free(&why);
	buf_free(&how);
}

const char *
solve_level_name(int l)
{
	static const char *const level[] = {
		N_("the budget"), N_("the distance from the must rules"), N_("the distance from the should targets"),
		N_("the people changed"), N_("the cost"), N_("the hires"), N_("the order of units")};
	return l >= 0 && l < 7 ? level[l] : "";
}

/* What this round solved, kept for the next (reuse compares with it). */
static void
keep_round(Solve *s, bool valid)
{
	int n = s->npairs;
	s->last.pair = xrealloc(s->last.pair, (size_t)(n ? n : 1) * sizeof *s->last.pair);
	if (n)
		memcpy(s->last.pair, s->pair, (size_t)n * sizeof *s->pair);
	s->last.npairs = n;
	s->last.cand = xrealloc(s->last.cand, (size_t)(s->ncand ? s->ncand : 1) * sizeof *s->last.cand);
	if (s->ncand)
		memcpy(s->last.cand, s->cand, (size_t)s->ncand * sizeof *s->cand);
	s->last.ncand = s->ncand;
	s->last.link = xrealloc(s->last.link, (size_t)(s->nlinks ? s->nlinks : 1) * sizeof *s->last.link);
	if (s->nlinks)
		memcpy(s->last.link, s->link, (size_t)s->nlinks * sizeof *s->link);
	s->last.nlinks = s->nlinks;
	s->last.term = xrealloc(s->last.term, (size_t)(s->nterms ? s->nterms : 1) * sizeof *s->last.term);
	if (s->nterms)
		memcpy(s->last.term, s->term, (size_t)s->nterms * sizeof *s->term);
	s->last.nterms = s->nterms;
	memcpy(s->last.over, s->over, sizeof s->over);
	s->last.valid = valid;
}

/* The parts: (unit, role)s tied by a transfer group, a pool, a link or
 * the budget, joined in up (a union-find forest).  Returns the first
 * pair the budget sees, or -1. */
static int
tie_parts(Solve *s, int *up, bool budget)
{
	int n = s->npairs;
	for (int i = 0; i < n; i++)
		up[i] = i;
	int ng = 0;
	for (int i = 0; i < n; i++)
		if (s->pair[i].group + 1 > ng)
			ng = s->pair[i].group + 1;
	int *last = xmalloc((size_t)(ng ? ng : 1) * sizeof *last);
	for (int g = 0; g < ng; g++)
		last[g] = -1;
	for (int i = 0; i < n; i++) {
		int g = s->pair[i].group;
		if (g >= 0) {
			if (last[g] >= 0)
				join(up, last[g], i);
			last[g] = i;
		}
	}
	free(last);
	for (int j = 1; j < s->ncand; j++)
		if (s->cand[j].pool == s->cand[j - 1].pool)
			join(up, s->cand[j - 1].pair, s->cand[j].pair);
	for (int l = 0; l < s->nlinks; l++)
		for (int t = 0; t < s->link[l].nt; t++)
			join(up, s->link[l].pair, s->term[s->link[l].t0 + t].pair);
	int first = -1;
	for (int i = 0; budget && i < n; i++) {
		const SolvePair *q = &s->pair[i];
		if (!s->budget[BUDGET_HEADCOUNT].set && q->cost == 0)
			continue;	/* the cost budget does not see it */
		if (first >= 0)
			join(up, first, i);
		else
			first = i;
	}
	return first;
}

int
solve_run(Solve *s, Diag *d)
{
	const Program *p = s->p;
	int n = s->npairs;
	s->unplaced = xrealloc(s->unplaced, (size_t)(p->npools ? p->npools : 1) * sizeof *s->unplaced);
	bool budget = !s->unbudgeted && (s->budget[BUDGET_COST].set || s->budget[BUDGET_HEADCOUNT].set);
	s->last.same_cands = s->last.valid && s->last.ncand == s->ncand;
	for (int j = 0; j < s->ncand && s->last.same_cands; j++)
		s->last.same_cands = s->last.cand[j].pool == s->cand[j].pool && s->last.cand[j].pair == s->cand[j].pair;
	int *up = xmalloc((size_t)(n ? n : 1) * sizeof *up);
	int first = tie_parts(s, up, budget);
	/* the pairs of each part, and its candidates, in order */
	int *start = xcalloc((size_t)n + 1, sizeof *start), *members = xmalloc((size_t)(n ? n : 1) * sizeof *members);
	for (int i = 0; i < n; i++)
		start[find(up, i) + 1]++;
	for (int i = 0; i < n; i++)
		start[i + 1] += start[i];
	int *fill = xmalloc((size_t)(n ? n : 1) * sizeof *fill);	/* and then solve_part's */
	memcpy(fill, start, (size_t)n * sizeof *fill);
	for (int i = 0; i < n; i++)
		members[fill[find(up, i)]++] = i;
	int *ccount = xcalloc((size_t)n + 1, sizeof *ccount), *cands = xmalloc((size_t)(s->ncand ? s->ncand : 1) * sizeof *cands);
	for (int j = 0; j < s->ncand; j++)
		ccount[find(up, s->cand[j].pair) + 1]++;
	for (int i = 0; i < n; i++)
		ccount[i + 1] += ccount[i];
	memcpy(fill, ccount, (size_t)n * sizeof *fill);
	for (int j = 0; j < s->ncand; j++)
		cands[fill[find(up, s->cand[j].pair)]++] = j;
	int rc = 0;
	for (int root = 0; root < n && rc == 0; root++) {
		int np = start[root + 1] - start[root], nc = ccount[root + 1] - ccount[root];
		if (!np)
			continue;
		const int *pp = members + start[root];
		bool in_budget = budget && first >= 0 && find(up, first) == root;
		s->problems++;
		if (reuse(s, pp, np, cands + ccount[root], nc, in_budget))
			continue;
		if (np == 1 && !nc && !in_budget && !s->pair[pp[0]].nlinks) {
			solve_alone(s, &s->pair[pp[0]], 1);
			continue;
		}
		/* nothing to do when every count already meets its aim and
		 * nothing is to be placed */
		bool settled = !nc && !in_budget;
		for (int i = 0; i < np && settled; i++) {
			SolvePair *q = &s->pair[pp[i]];
			settled = !q->nlinks && solve_on_grid(q->current, s->step) && solve_dist(q->current, q->must.min, q->must.max) <= 1e-9 &&
				(!q->should || solve_dist(q->current, q->target.min, q->target.max) <= 1e-9);
		}
		if (settled)
			continue;
		s->stop.level = -1;
		if (!model_solve(s, pp, np, cands + ccount[root], nc, in_budget, fill)) {
			say_stop(s, d, pp, np, cands + ccount[root], nc, in_budget);
			rc = -1;
		}
	}
	free(start);
	free(members);
	free(fill);
	free(ccount);
	free(cands);
	free(up);
	keep_round(s, rc == 0);
	for (int i = 0; i < p->npools; i++)
		s->unplaced[i] = p->pools[i].n;
	for (int j = 0; j < s->ncand; j++)
		s->unplaced[s->cand[j].pool] -= s->cand[j].count;
	if (rc == 0)
		recover_moves(s);
	return rc;
}
