/* plan.c: propose counts that meet every requirement, changing as little
 * as possible: each count is its current value clamped into what the
 * rules require, the requirements being worked out on the proposed
 * staffing, round after round, until a round changes nothing. */
#define _GNU_SOURCE	/* qsort_r */
#include "plan.h"
#include "msg.h"
#include "linear.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>


static bool
inside(double v, const Span *s)
{
	return (v >= s->min || num_near(v, s->min)) && (v <= s->max || num_near(v, s->max));
}

/* The multiple of step nearest to v in s, or -1 when none is in it. */
static double
fit(double v, const Span *s, double step)
{
	if (v < s->min) {
		double x = ceil_div(s->min, step) * step;
		return x <= s->max || num_near(x, s->max) ? x : -1;
	}
	double x = floor_div(s->max, step) * step;
	return x >= s->min || num_near(x, s->min) ? x : -1;
}

double
plan_propose(double v, const Req *q, double step, bool *unresolved, Span *aim)
{
	Span t = req_target(q);
	const Span *m = &q->must;
	*aim = t;
	if (inside(v, &t))
		return v;
	double x = fit(v, &t, step);
	if (x >= 0)
		return x;
	/* no whole count meets the shoulds: the musts alone */
	*aim = *m;
	if (!span_empty(m->min, m->max)) {
		if (inside(v, m))
			return v;
		if ((x = fit(v, m, step)) >= 0)
			return x;
	}
	*unresolved = true;
	return ceil_div(m->min, step) * step;
}

/* Says that rule `at`'s requirement v (or, when v is 0, its coefficient
 * c) on unit k is out of the plan's reach. */
static void
too_large(Check *c, int at, int k, const char *what, double v, const char *limit)
{
	const Program *p = c->p;
	const Rule *u = &p->rules[at];
	Str id = units_id(c->u, k);
	Buf t = {0};
	num_text(&t, v);
	diag_error(c->diag, u->loc, "%s%s%s asks %s %s for unit '%.*s', beyond what a plan can propose (%s)",
		   u->id ? _("rule '") : _("this rule"), u->id ? u->id : "", u->id ? "'" : "", what, buf_cstr(&t),
		   id.len, id.s, limit);
	buf_free(&t);
}

bool
plan_within_limits(Check *c, int k, int r, double step, bool quiet)
{
	const Req *q = &c->req[r];
	const Span *sp[2] = {&q->must, &q->should};
	for (int i = 0; i < 2; i++) {
		double end[2] = {sp[i]->min, sp[i]->max};
		int rule[2] = {sp[i]->min_rule, sp[i]->max_rule};
		for (int e = 0; e < 2; e++) {
			if (rule[e] < 0 || !isfinite(end[e]))
				continue;
			if (end[e] > PLAN_MAX_COUNT) {
				if (!quiet)
					too_large(c, rule[e], k, _("a count of"), end[e], _("at most 1000000000 of a role"));
				return false;
			}
			if (end[e] / step > PLAN_MAX_COUNT) {
				if (!quiet)
					too_large(c, rule[e], k, _("a count of"), end[e],
						  _("at most 1000000000 steps of --step; plan with a larger --step"));
				return false;
			}
		}
	}
	double cur = units_count(c->u, r, k);
	if (cur / step > PLAN_MAX_COUNT) {
		if (!quiet) {
			Str id = units_id(c->u, k);
			Buf t = {0};
			num_text(&t, cur);
			diag_plain(c->diag, "unit '%.*s' has %s %s, more than 1000000000 steps of --step: plan with a larger --step",
				   id.len, id.s, buf_cstr(&t), c->p->roles[r].name);
			buf_free(&t);
		}
		return false;
	}
	return true;
}

bool
plan_links_within_limits(Check *c, const Solve *s, int k, int first)
{
	for (int i = first; i < s->nlinks; i++) {
		const SolveLink *l = &s->link[i];
		double big = l->per ? fmax(l->amount, l->amount / l->div) : 0;
		for (int j = 0; j < l->nt; j++)
			big = fmax(big, fabs(s->term[l->t0 + j].coef) * (l->per ? l->amount / l->div : 1));
		if (big > PLAN_MAX_COEF) {
			too_large(c, l->rule, k, _("a coefficient of"), big, _("at most 1000000 of a role per count"));
			return false;
		}
		if (fabs(l->c0) > PLAN_MAX_COUNT) {
			too_large(c, l->rule, k, _("a count of"), fabs(l->c0), _("at most 1000000000 of a role"));
			return false;
		}
	}
	return true;
}

void
plan_free(Plan *pl)
{
	if (!pl->c)
		return;
	check_use_counts(pl->c, NULL);
	for (int r = 0; r < pl->c->p->nroles; r++) {
		col_free(&pl->proposed.count[r]);
		col_free(&pl->next[r]);
	}
	col_free(&pl->proposed.headcount);
	free(pl->proposed.count);
	free(pl->next);
	solve_free(&pl->solve);
	free(pl->rank);
	linear_free(pl->linear);
	free(pl->unres);
	free(pl->scope_bits);
}

/* ---- the whole organisation ---- */

int
plan_pair(const Plan *pl, int k, int r)
{
	const Solve *s = &pl->solve;
	int lo = 0, hi = s->npairs;	/* pairs are in (id order, role) */
	const int *rank = pl->rank;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		const SolvePair *q = &s->pair[mid];
		int c = rank[q->unit] != rank[k] ? (rank[q->unit] < rank[k] ? -1 : 1) :
			(q->role > r) - (q->role < r);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}
