/* plan.c: propose counts that meet every requirement, changing as little
 * as possible: each count is its current value clamped into what the
 * rules require, the requirements being worked out on the proposed
 * staffing, round after round, until a round changes nothing. */
#define _GNU_SOURCE	/* qsort_r */
#include "plan.h"
#include "groups.h"
#include "linear.h"
#include "par.h"

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
		   u->id ? "rule '" : "this rule", u->id ? u->id : "", u->id ? "'" : "", what, buf_cstr(&t),
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
					too_large(c, rule[e], k, "a count of", end[e], "at most 1000000000 of a role");
				return false;
			}
			if (end[e] / step > PLAN_MAX_COUNT) {
				if (!quiet)
					too_large(c, rule[e], k, "a count of", end[e],
						  "at most 1000000000 steps of --step; plan with a larger --step");
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

/* Whether the links of unit k (s->link[first ..)) are within what a
 * plan can solve: said at the rule when not. */
static bool
links_within_limits(Check *c, const Solve *s, int k, int first)
{
	for (int i = first; i < s->nlinks; i++) {
		const SolveLink *l = &s->link[i];
		double big = l->per ? fmax(l->amount, l->amount / l->div) : 0;
		for (int j = 0; j < l->nt; j++)
			big = fmax(big, fabs(s->term[l->t0 + j].coef) * (l->per ? l->amount / l->div : 1));
		if (big > PLAN_MAX_COEF) {
			too_large(c, l->rule, k, "a coefficient of", big, "at most 1000000 of a role per count");
			return false;
		}
		if (fabs(l->c0) > PLAN_MAX_COUNT) {
			too_large(c, l->rule, k, "a count of", fabs(l->c0), "at most 1000000000 of a role");
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

/* One round of a whole plan: every unit's requirements on the proposed
 * staffing; the (unit, role)s no statement touches proposed alone, the
 * others solved together.  False after a runtime or solver error. */
static bool
whole_round(Plan *pl, Check *c, const int *order, double step)
{
	const Units *u = c->u;
	const Program *p = c->p;
	int n = u->n, nr = p->nroles;
	Solve *s = &pl->solve;
	solve_clear(s);
	s->p = p;
	s->step = step;
	s->unbudgeted = !pl->budgeted;
	check_forget(c);
	GroupKey *keys = NULL;
	int nkeys = 0, capkeys = 0;
	int *transfer = xmalloc((size_t)(nr ? nr : 1) * sizeof *transfer);
	for (int r = 0; r < nr; r++)
		transfer[r] = prog_transfer_of(p, r);
	/* the budgets in force: none on the first try (solve.h) */
	Budget b[2] = {pl->budget[0], pl->budget[1]};
	b[0].set &= !s->unbudgeted;
	b[1].set &= !s->unbudgeted;
	/* candidates go by pool, then by pair: gathered per pool */
	int **cand = xcalloc((size_t)(p->npools ? p->npools : 1), sizeof *cand);
	int *ncand = xcalloc((size_t)(p->npools ? p->npools : 1), sizeof *ncand);
	int *capcand = xcalloc((size_t)(p->npools ? p->npools : 1), sizeof *capcand);
	int *pair_of = xmalloc((size_t)(nr ? nr : 1) * sizeof *pair_of);
	signed char *want = xmalloc((size_t)(nr ? nr : 1));
	bool *inpool = xcalloc((size_t)(nr ? nr : 1) * (size_t)(p->npools ? p->npools : 1), sizeof *inpool);
	bool ok = true;
	for (int i = 0; i < n && ok; i++) {
		int k = order[i], first_pair = s->npairs;
		for (int r = 0; r < nr; r++)
			pair_of[r] = -1;
		ok = check_unit(c, k);
		for (int sc = 0; sc < p->nscopes && ok; sc++)
			ok = check_in_scope(c, sc, k) >= 0;
		/* which roles a statement touches here (1), or not (0), or
		 * are kept (-1); then those a rule linear in counts ties to a
		 * touched one are planned with it */
		for (int r = 0; r < nr && ok; r++) {
			const Req *q = &c->req[r];
			want[r] = -1;
			if (!q->nrules || check_missing(c, r, k)) {	/* kept */
				col_set(&pl->next[r], n, k, k, units_count(u, r, k));
				continue;
			}
			if (!(ok = plan_within_limits(c, k, r, step, false)))
				break;
			want[r] = transfer[r] >= 0 || b[BUDGET_HEADCOUNT].set || (b[BUDGET_COST].set && p->roles[r].has_cost);
			for (int j = 0; j < p->npools && ok; j++) {
				int in = prog_pool_places(&p->pools[j], r) ? check_pool(c, j, k) : 0;
				ok = in >= 0;
				inpool[(size_t)r * (size_t)p->npools + (size_t)j] = in > 0;
				want[r] |= in > 0;
			}
		}
		if (ok && pl->linear)
			linear_tie(pl->linear, want);
		for (int r = 0; r < nr && ok; r++) {
			const Req *q = &c->req[r];
			double cur = units_count(u, r, k);
			if (want[r] < 0)
				continue;
			for (int j = 0; j < p->npools; j++)
				if (inpool[(size_t)r * (size_t)p->npools + (size_t)j]) {
					vec_grow((void **)&cand[j], ncand[j], &capcand[j], sizeof **cand);
					cand[j][ncand[j]++] = s->npairs;
				}
			if (!want[r]) {
				bool unresolved = false;
				Span aim;
				col_set(&pl->next[r], n, k, k, plan_propose(cur, q, step, &unresolved, &aim));
				continue;
			}
			Span t = req_target(q);
			bool should = !span_empty(q->must.min, q->must.max) && !span_empty(t.min, t.max) &&
				(t.min != q->must.min || t.max != q->must.max);
			SolvePair pair = {.unit = k, .role = r, .current = cur, .must = q->must, .target = t,
					  .should = should, .cost = p->roles[r].has_cost ? p->roles[r].cost : 0, .group = -1};
			GroupKey gk = {r, {0}, s->npairs};
			if (transfer[r] >= 0 && groups_key(u, p, transfer[r], k, gk.key)) {
				pair.surplus = p->transfers[transfer[r]].surplus;
				vec_grow((void **)&keys, nkeys, &capkeys, sizeof *keys);
				keys[nkeys++] = gk;
			}
			pair_of[r] = solve_add_pair(s, pair);
		}
		int first_link = s->nlinks;
		if (ok && pl->linear && s->npairs > first_pair)
			ok = link_unit(s, c, pl->linear, k, first_pair, pair_of) &&
				links_within_limits(c, s, k, first_link);
	}
	free(pair_of);
	free(want);
	free(inpool);
	if (ok) {
		groups_assign(s, keys, nkeys);
		for (int j = 0; j < p->npools; j++)
			for (int i = 0; i < ncand[j]; i++)
				solve_add_cand(s, j, cand[j][i]);
		ok = solve_run(s, c->diag) == 0;
	}
	for (int i = 0; ok && i < s->npairs; i++)
		col_set(&pl->next[s->pair[i].role], n, s->pair[i].unit, s->pair[i].unit, s->pair[i].proposed);
	for (int j = 0; j < p->npools; j++)
		free(cand[j]);
	free(cand);
	free(ncand);
	free(capcand);
	free(keys);
	free(transfer);
	return ok;
}

/* The units whose requirements may change, now that the units marked in
 * `changed` have new counts: those, their parents (aggregates over
 * children that read counts) or all their ancestors (over descendants),
 * and the units below them by up to r.up_counts levels (which read
 * their counts as parent...).  What reads only attributes and kinds
 * cannot change: they stay as loaded. */
static void
mark_dirty(const Units *u, ProgNeeds r, const unsigned char *changed, unsigned char *dirty)
{
	int n = u->n;
	memcpy(dirty, changed, (size_t)n);
	/* each ancestor walked once a round: bit 2 of dirty says its own
	 * ancestors are marked already, so a deep chain costs n, not n^2 */
	for (int j = 0; j < n; j++) {
		if (!changed[j])
			continue;
		int level = 0;	/* over children: as far up as they read */
		for (int v = u->parent[j]; v >= 0 && (r.children_counts || r.descendants_counts); v = u->parent[v]) {
			if (dirty[v] & 2)
				break;
			dirty[v] |= r.descendants_counts ? 3 : 1;
			if (!r.descendants_counts && ++level >= r.children_depth)
				break;
		}
	}
	for (int k = 0; k < n; k++)
		dirty[k] &= 1;
	/* over a parent's children: a change is seen by its siblings */
	for (int k = 0; r.siblings_counts && k < n; k++)
		if (u->parent[k] >= 0 && changed[u->parent[k]] == 0) {
			int v = u->parent[k];
			for (int i = u->child_start[v]; i < u->child_start[v + 1] && !dirty[k]; i++)
				dirty[k] = changed[u->child[i]];
		}
	if (r.up_counts)
		for (int k = 0; k < n; k++) {
			int v = u->parent[k];
			for (int l = 0; l < r.up_counts && v >= 0 && !dirty[k]; l++, v = u->parent[v])
				dirty[k] = changed[v];
		}
}

/* A (unit, role) still changing, for the message of a plan that does
 * not settle: the first ten are named. */
static void
note_moving(Buf *b, int *n, const Units *u, const Program *p, int k, int r, double now, double then)
{
	if ((*n)++ >= 10)
		return;
	Str id = units_id(u, k);
	buf_printf(b, "%s%.*s %s (", *n > 1 ? ", " : "", id.len, id.s, p->roles[r].name);
	num_text(b, now);
	buf_puts(b, " -> ");
	num_text(b, then);
	buf_putc(b, ')');
}

/* ---- unit by unit ---- */

typedef struct Moving {		/* a (unit, role) whose count still moves */
	int k, r;
	double now, then;
} Moving;

typedef struct Change {		/* a count the round changes: put when it is
				 * over, every unit having read the counts before */
	Col *col;
	int k;
	double v;
} Change;

typedef struct RoundPart {
	Check own;		/* a part's checker, quiet (one part alone
				 * uses the plan's, which says its errors) */
	bool ok;
	int nmoving, nnamed;
	Moving named[10];	/* the first ones, named when it does not settle */
	Change *chg;
	int nchg, capchg;
} RoundPart;

typedef struct Round {
	Plan *pl;
	const unsigned char *dirty;
	unsigned char *changed;
	double step;
	int parts;		/* the units in parts */
	RoundPart *part;
} Round;

static void
change(RoundPart *w, Col *col, int k, double v)
{
	vec_grow((void **)&w->chg, w->nchg, &w->capchg, sizeof *w->chg);
	w->chg[w->nchg++] = (Change){col, k, v};
}

/* The dirty units of part i worked out again: the counts they change
 * (and their headcount), noted. */
static void
round_part(void *arg, int i)
{
	Round *rd = arg;
	RoundPart *w = &rd->part[i];
	Plan *pl = rd->pl;
	Check *c = pl->c;
	if (rd->parts > 1) {
		check_init_part(&w->own, pl->c);
		c = &w->own;
	}
	const Units *u = c->u;
	const Program *p = c->p;
	int nr = p->nroles, n = u->n, to = par_start(n, rd->parts, i + 1);
	w->ok = true;
	for (int k = par_start(n, rd->parts, i); k < to; k++) {
		if (!rd->dirty[k])
			continue;	/* as it was proposed */
		/* every scope too: the report's totals then cannot fail */
		bool ok = check_unit(c, k);
		unsigned char *bits = pl->scope_bits + (size_t)k * (size_t)((p->nscopes + 7) / 8);
		for (int s = 0; s < p->nscopes && ok; s++) {
			int in = check_in_scope(c, s, k);
			ok = in >= 0;
			bits[s / 8] = (unsigned char)(in > 0 ? bits[s / 8] | 1 << s % 8 : bits[s / 8] & ~(1 << s % 8));
		}
		if (!ok) {
			w->ok = false;
			return;
		}
		for (int r = 0; r < nr; r++)
			if (c->req[r].nrules && !check_missing(c, r, k) && !plan_within_limits(c, k, r, rd->step, rd->parts > 1)) {
				w->ok = false;
				return;
			}
		double h = 0;
		pl->unres[k] = 0;
		for (int r = 0; r < nr; r++) {
			double v = units_count(u, r, k);
			bool unresolved = false;
			Span aim;
			/* missing data: kept, unresolved */
			unresolved = check_missing(c, r, k);
			double then = c->req[r].nrules && !unresolved ? plan_propose(v, &c->req[r], rd->step, &unresolved, &aim) : v;
			pl->unres[k] |= unresolved;
			h += then;
			double now = counts_get(&pl->proposed, r, k);
			if (then == now)
				continue;
			change(w, &pl->proposed.count[r], k, then);
			rd->changed[k] = 1;
			if (w->nnamed < 10)
				w->named[w->nnamed++] = (Moving){k, r, now, then};
			w->nmoving++;
		}
		if (rd->changed[k])
			change(w, &pl->proposed.headcount, k, h);
	}
}

/* Units in parts of at least this many go to threads of their own. */
enum { ROUND_LEAST = 8192 };

/* A round of the unit-by-unit plan: the dirty units worked out again,
 * in parts on threads, against the counts proposed so far; then the
 * counts they change put in place, and what moves noted, in the order
 * one thread would note it.  False after a runtime error, said as one
 * thread would say it. */
static bool
unit_round(Plan *pl, Check *c, const unsigned char *dirty, unsigned char *changed, double step,
	   Buf *moving, int *nmoving)
{
	const Units *u = c->u;
	int n = u->n;
	memset(changed, 0, (size_t)n);
	int parts = par_parts(n, ROUND_LEAST);
	Round rd = {pl, dirty, changed, step, parts, xcalloc((size_t)parts, sizeof *rd.part)};
	if (parts > 1)
		check_prepare(c);	/* once, for every part */
	par_for(parts, round_part, &rd);
	bool ok = true;
	for (int i = 0; i < parts; i++)
		ok &= rd.part[i].ok;
	for (int i = 0; i < parts; i++) {
		RoundPart *w = &rd.part[i];
		for (int j = 0; j < w->nchg && ok; j++)
			col_set(w->chg[j].col, n, n, w->chg[j].k, w->chg[j].v);
		for (int j = 0; j < w->nnamed && ok; j++)
			note_moving(moving, nmoving, u, c->p, w->named[j].k, w->named[j].r, w->named[j].now,
				    w->named[j].then);
		*nmoving += ok ? w->nmoving - w->nnamed : 0;
		free(w->chg);
		if (parts > 1)
			check_free(&w->own);
	}
	free(rd.part);
	if (ok || parts == 1)
		return ok;
	/* again, alone, to say the first error as one thread would */
	RoundPart w = {.ok = false};
	rd.parts = 1;
	rd.part = &w;
	round_part(&rd, 0);
	free(w.chg);
	return false;
}

/* The rounds, from the loaded counts to the fixpoint.  0, or -1 after
 * an error, said. */
static int
settle(Plan *pl, Check *c, const int *order)
{
	const Units *u = c->u;
	const Program *p = c->p;
	int n = u->n, nr = p->nroles;
	for (int r = 0; r < nr; r++) {
		col_free(&pl->proposed.count[r]);
		pl->proposed.count[r] = col_copy(&u->counts.count[r], n, n);
		if (pl->whole) {
			col_free(&pl->next[r]);
			pl->next[r] = col_copy(&u->counts.count[r], n, 0);
		}
	}
	col_free(&pl->proposed.headcount);
	pl->proposed.headcount = col_copy(&u->counts.headcount, n, n);
	check_use_counts(c, &pl->proposed);
	/* A round works out only the units whose requirements may have
	 * changed: all of them at first, then those near what moved. */
	ProgNeeds reached = p->needs;
	double step = pl->step > 0 ? pl->step : 1;
	unsigned char *dirty = xmalloc((size_t)(n ? n : 1)), *changed = xmalloc((size_t)(n ? n : 1));
	memset(dirty, 1, (size_t)n);
	int rc = -1, late = 0;
	pl->unsettled = false;
	for (int round = 1; round <= PLAN_MAX_ROUNDS; round++) {
		/* every unit against the same staffing: the order of units
		 * changes nothing */
		check_forget(c);
		Buf moving = {0};
		int nmoving = 0;
		bool ok = true;
		if (pl->whole) {
			Col head = {xmalloc((size_t)(n ? n : 1)), 1};
			if ((ok = whole_round(pl, c, order, step))) {
				for (int k = 0; k < n; k++) {
					changed[k] = 0;
					double h = 0;
					for (int r = 0; r < nr; r++) {
						double then = col_get(&pl->next[r], k), now = counts_get(&pl->proposed, r, k);
						h += then;
						if (then != now)
							changed[k] = 1, note_moving(&moving, &nmoving, u, p, k, r, now, then);
					}
					col_set(&head, n, k, k, h);
				}
				for (int r = 0; r < nr; r++) {
					Col t = pl->proposed.count[r];
					pl->proposed.count[r] = pl->next[r];
					pl->next[r] = t;
				}
				col_free(&pl->proposed.headcount);
				pl->proposed.headcount = head;
			} else {
				col_free(&head);
			}
		} else {
			ok = unit_round(pl, c, dirty, changed, step, &moving, &nmoving);
		}
		if (!ok) {
			buf_free(&moving);
			break;
		}
		pl->rounds = round;
		if (!nmoving) {
			buf_free(&moving);
			rc = 0;
			break;
		}
		/* past the deadline, a round's searches are short: a few
		 * more, then the last one's plan, not proven optimal (the
		 * report checks it against every rule) */
		if (pl->solve.deadline > 0 && solve_now() > pl->solve.deadline && ++late > PLAN_LATE_ROUNDS) {
			buf_free(&moving);
			pl->unsettled = true;
			rc = 0;
			break;
		}
		mark_dirty(u, reached, changed, dirty);
		if (pl->every_unit)
			memset(dirty, 1, (size_t)n);
		if (round == PLAN_MAX_ROUNDS) {
			if (nmoving > 10)
				buf_printf(&moving, " and %d more", nmoving - 10);
			diag_plain(c->diag, "the plan does not settle after %d rounds; these still change: %s",
				   PLAN_MAX_ROUNDS, moving.p);
		}
		buf_free(&moving);
	}
	free(dirty);
	free(changed);
	return rc;
}

/* Whether the proposal keeps every budget of p. */
static bool
keeps_budgets(const Plan *pl, const Check *c)
{
	const Units *u = c->u;
	const Program *p = c->p;
	double change[2] = {0, 0};
	for (int r = 0; r < p->nroles; r++)
		for (int k = 0; k < u->n; k++) {
			double d = counts_get(&pl->proposed, r, k) - units_count(u, r, k);
			change[BUDGET_COST] += p->roles[r].has_cost ? p->roles[r].cost * d : 0;
			change[BUDGET_HEADCOUNT] += d;
		}
	for (int b = 0; b < 2; b++)
		if (pl->budget[b].set && change[b] > pl->budget[b].limit + 1e-9 * (1 + fabs(pl->budget[b].limit)))
			return false;
	return true;
}

int
plan_run(Plan *pl, Check *c)
{
	const Units *u = c->u;
	const Program *p = c->p;
	int n = u->n, nr = p->nroles;
	pl->c = c;
	/* a whole plan works out every unit, in id order, every round,
	 * into next; a unit-by-unit one changes the counts in place */
	pl->budget[BUDGET_COST] = p->budget[BUDGET_COST];
	pl->budget[BUDGET_HEADCOUNT] = p->budget[BUDGET_HEADCOUNT];
	if (pl->has_budget_cost)	/* over the rules' own */
		pl->budget[BUDGET_COST] = (Budget){.set = true, .limit = pl->budget_cost};
	memcpy(pl->solve.budget, pl->budget, sizeof pl->budget);
	pl->whole = prog_plans_whole(p) || pl->budget[BUDGET_COST].set;
	pl->proposed.count = xcalloc((size_t)nr + 1, sizeof *pl->proposed.count);
	pl->next = xcalloc((size_t)nr + 1, sizeof *pl->next);
	int *order = pl->whole ? units_by_id(u) : NULL;
	if (pl->whole) {
		pl->linear = linear_new(p);
		pl->rank = xmalloc((size_t)(n ? n : 1) * sizeof *pl->rank);
		for (int i = 0; i < n; i++)
			pl->rank[order[i]] = i;
	} else {
		pl->unres = xcalloc((size_t)(n ? n : 1), 1);
		pl->scope_bits = xcalloc((size_t)(n ? n : 1) * (size_t)((p->nscopes + 7) / 8) + 1, 1);
	}
	/* A budget is planned without first: a plan that keeps it is the
	 * answer, at the cost of a plan with no budget; only a budget that
	 * binds is solved with, every (unit, role) it sees in one part. */
	pl->budgeted = false;
	pl->solve.time_limit = pl->time_limit;
	pl->solve.deadline = pl->time_limit > 0 ? solve_now() + pl->time_limit : 0;
	pl->solve.unproven.level = -1;
	int rc = settle(pl, c, order);
	if (rc == 0 && pl->whole && (pl->budget[BUDGET_COST].set || pl->budget[BUDGET_HEADCOUNT].set) &&
	    !keeps_budgets(pl, c)) {
		pl->budgeted = true;
		pl->solve.last.valid = false;
		pl->solve.unproven.level = -1;
		rc = settle(pl, c, order);
	}
	free(order);
	return rc;
}
