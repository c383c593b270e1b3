/* plan_run.c: the rounds of a plan, from the loaded counts to the
 * fixpoint: a whole plan's rounds solve the (unit, role)s statements
 * tie together; a plan that goes unit by unit clamps each count into
 * what its rules require.  A budget is planned without first. */
#define _GNU_SOURCE	/* qsort_r */
#include "plan_run.h"
#include "msg.h"
#include "groups.h"
#include "linear.h"
#include "unit_round.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
				plan_links_within_limits(c, s, k, first_link);
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
		if (pl->solve.deadline > 0 && clock_seconds() > pl->solve.deadline && ++late > PLAN_LATE_ROUNDS) {
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
				buf_printf(&moving, _(" and %d more"), nmoving - 10);
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
		pl->budget[BUDGET_COST] = (Budget){.set = true, .limit = pl->budget_cost, .stated = pl->budget_cost};
	for (int b = 0; b < 2; b++) {	/* a total's limit: of the change, the total now taken off */
		Budget *g = &pl->budget[b];
		for (int r = 0; g->set && g->total && r < nr; r++) {
			double w = b == BUDGET_HEADCOUNT ? 1 : p->roles[r].has_cost ? p->roles[r].cost : 0;
			for (int k = 0; w != 0 && k < n; k++)
				g->limit -= w * units_count(u, r, k);
		}
	}
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
	pl->solve.deadline = pl->time_limit > 0 ? clock_seconds() + pl->time_limit : 0;
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
