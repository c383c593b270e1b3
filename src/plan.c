/* plan.c: propose counts that meet every requirement, changing as little
 * as possible: each count is its current value clamped into what the
 * rules require, the requirements being worked out on the proposed
 * staffing, round after round, until a round changes nothing. */
#define _GNU_SOURCE	/* qsort_r */
#include "plan.h"

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
}

/* The units whose requirements may change, now that the units marked in
 * `changed` have new counts: those, their parents (aggregates over
 * children) or all their ancestors (over descendants), and the units
 * below them by up to r.up levels (which read them as parent...). */
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
		for (int v = u->parent[j]; v >= 0 && (r.children || r.descendants); v = u->parent[v]) {
			if (dirty[v] & 2)
				break;
			dirty[v] |= r.descendants ? 3 : 1;
			if (!r.descendants)
				break;
		}
	}
	for (int k = 0; k < n; k++)
		dirty[k] &= 1;
	if (r.up)
		for (int k = 0; k < n; k++) {
			int v = u->parent[k];
			for (int l = 0; l < r.up && v >= 0 && !dirty[k]; l++, v = u->parent[v])
				dirty[k] = changed[v];
		}
}

int
plan_run(Plan *pl, Check *c)
{
	const Units *u = c->u;
	const Program *p = c->p;
	int n = u->n, nr = p->nroles;
	pl->c = c;
	pl->proposed.count = xcalloc((size_t)nr + 1, sizeof *pl->proposed.count);
	pl->next = xcalloc((size_t)nr + 1, sizeof *pl->next);
	for (int r = 0; r < nr; r++) {
		pl->proposed.count[r] = col_copy(&u->counts.count[r], n, n);
		pl->next[r] = col_copy(&u->counts.count[r], n, 0);
	}
	pl->proposed.headcount = col_copy(&u->counts.headcount, n, n);
	check_use_counts(c, &pl->proposed);
	/* A round works out only the units whose requirements may have
	 * changed: all of them at first, then those near what moved. */
	ProgNeeds reached = p->needs;
	double step = pl->step > 0 ? pl->step : 1;
	unsigned char *dirty = xmalloc((size_t)(n ? n : 1)), *changed = xmalloc((size_t)(n ? n : 1));
	memset(dirty, 1, (size_t)n);
	int rc = -1;
	for (int round = 1; round <= PLAN_MAX_ROUNDS; round++) {
		/* every unit against the same staffing: the order of units
		 * changes nothing */
		check_forget(c);
		Buf moving = {0};
		int nmoving = 0;
		Col head = {xmalloc((size_t)(n ? n : 1)), 1};
		bool ok = true;
		for (int k = 0; k < n && ok; k++) {
			changed[k] = 0;
			double h = 0;
			if (!dirty[k]) {	/* as it was proposed */
				for (int r = 0; r < nr; r++) {
					double now = counts_get(&pl->proposed, r, k);
					col_set(&pl->next[r], n, k, k, now);
					h += now;
				}
				col_set(&head, n, k, k, h);
				continue;
			}
			/* every scope too: the report's totals then cannot fail */
			ok = check_unit(c, k);
			for (int s = 0; s < p->nscopes && ok; s++)
				ok = check_in_scope(c, s, k) >= 0;
			for (int r = 0; r < nr && ok; r++) {
				double v = units_count(u, r, k);
				bool unresolved = false;
				Span aim;
				double then = c->req[r].nrules ? plan_propose(v, &c->req[r], step, &unresolved, &aim) : v;
				col_set(&pl->next[r], n, k, k, then);
				h += then;
				double now = counts_get(&pl->proposed, r, k);
				if (then == now)
					continue;
				changed[k] = 1;
				if (nmoving++ >= 10)
					continue;
				Str id = units_id(u, k);
				buf_printf(&moving, "%s%.*s %s (", nmoving > 1 ? ", " : "",
					   id.len, id.s, p->roles[r].name);
				num_text(&moving, now);
				buf_puts(&moving, " -> ");
				num_text(&moving, then);
				buf_putc(&moving, ')');
			}
			col_set(&head, n, k, k, h);
		}
		if (!ok) {
			buf_free(&moving);
			col_free(&head);
			break;
		}
		for (int r = 0; r < nr; r++) {
			Col t = pl->proposed.count[r];
			pl->proposed.count[r] = pl->next[r];
			pl->next[r] = t;
		}
		col_free(&pl->proposed.headcount);
		pl->proposed.headcount = head;
		pl->rounds = round;
		if (!nmoving) {
			buf_free(&moving);
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
