/* unit_round.c: a round of the unit-by-unit plan, on threads, and what
 * it leaves to work out again: the units whose requirements a changed
 * count may change. */
#include "unit_round.h"
#include "par.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The units whose requirements may change, now that the units marked in
 * `changed` have new counts: those, their parents (aggregates over
 * children that read counts) or all their ancestors (over descendants),
 * and the units below them by up to r.up_counts levels (which read
 * their counts as parent...).  What reads only attributes and kinds
 * cannot change: they stay as loaded. */
void
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
void
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
round_part(void *arg, int i, int from, int to)
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
	int nr = p->nroles;
	w->ok = true;
	for (int k = from; k < to; k++) {
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
bool
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
	par_ranges(n, parts, round_part, &rd);
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
	round_part(&rd, 0, 0, u->n);
	free(w.chg);
	return false;
}

