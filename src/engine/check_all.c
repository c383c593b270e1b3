/* check_all.c: check_run, every unit's findings: the units in parts
 * on threads, each part's findings in order, the rules and scopes that
 * applied to no unit. */
#include "check_all.h"
#include "msg.h"
#include "eval.h"
#include "par.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int
cmp_finding(const void *pa, const void *pb)	/* unit id, then role name */
{
	const Finding *a = pa, *b = pb;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	const Str *x = &a->id, *y = &b->id;
	int n = x->len < y->len ? x->len : y->len;
	int d = n > 8 ? memcmp(x->s + 8, y->s + 8, (size_t)n - 8) : 0;
	if (d == 0 && x->len != y->len)
		d = x->len < y->len ? -1 : 1;
	if (d == 0 && a->unit != b->unit)
		d = a->unit < b->unit ? -1 : 1;
	if (d == 0)
		d = strcmp(a->role_name, b->role_name);
	return d;
}

/* The outermost scope around rule or scope s that no unit is in. */
static int
dead_scope(const Check *c, int s)
{
	int dead = -1;
	for (; s >= 0; s = c->p->scopes[s].parent)
		if (!c->scope_hit[s])
			dead = s;
	return dead;
}

/* Every scope no unit is in, and every rule that set a requirement on
 * no unit, in the order of the file; all of kind "unused-rule". */
static void
find_unused(Check *c)
{
	const Program *p = c->p;
	for (int s = 0; s < p->nscopes; s++) {
		const Scope *sc = &p->scopes[s];
		if (c->scope_hit[s])
			continue;
		int out = dead_scope(c, sc->parent);
		if (out >= 0)
			diag_warning_about(c->diag, "unused-rule", NULL, sc->name, sc->loc,
					   "scope '%s' applies to no unit: no unit is in scope '%s' around it",
					   sc->name, p->scopes[out].name);
		else
			diag_warning_about(c->diag, "unused-rule", NULL, sc->name, sc->loc,
					   "scope '%s' applies to no unit: its condition %s holds for none",
					   sc->name, p->exprs[sc->cond].text);
	}
	for (int r = 0; r < p->nrules; r++) {
		const Rule *u = &p->rules[r];
		if (c->reached[r] == AP_YIELD)
			continue;
		int out = dead_scope(c, u->scope);
		if (out >= 0)
			diag_warning_about(c->diag, "unused-rule", u->id, NULL, u->loc,
					   "this rule applies to no unit: no unit is in scope '%s'",
					   p->scopes[out].name);
		else if (c->reached[r] == AP_KIND)
			diag_warning_about(c->diag, "unused-rule", u->id, NULL, u->loc,
					   "this rule applies to no unit: no unit%s is of kind '%s'",
					   u->scope >= 0 ? _(" in its scope") : "", p->strs->text[p->kinds[u->kind]]);
		else
			diag_warning_about(c->diag, "unused-rule", u->id, NULL, u->loc,
					   "this rule applies to no unit: its condition holds for none");
	}
}

/* A part of a parallel check: a checker of its own over a range of
 * units, quiet (a runtime error is said by the whole run again, alone,
 * so that the first one is said, and said once). */
typedef struct Part {
	Check c;
	bool ok;
} Part;

typedef struct Parts {
	Check *whole;
	const bool *selected;
	int n, parts;		/* n units in parts */
	Part *part;
} Parts;

static void
part_run(void *arg, int i, int from, int to)
{
	Parts *ps = arg;
	Part *w = &ps->part[i];
	Check *c = &w->c;
	check_init_part(c, ps->whole);
	if (ps->whole->reached) {
		c->reached = xcalloc((size_t)c->p->nrules + 1, 1);
		c->scope_hit = xcalloc((size_t)c->p->nscopes + 1, 1);
	}
	w->ok = check_range(c, ps->selected, from, to);
}

/* Units in parts of at least this many go to threads of their own. */
enum { PART_LEAST = 8192 };

/* check_range over every unit, in parts on threads; the findings come
 * out in the order one thread would give them. */
static bool
check_parts(Check *c, const bool *selected)
{
	int n = c->u->n, parts = par_parts(n, PART_LEAST);
	if (parts == 1)
		return check_range(c, selected, 0, n);
	Parts ps = {c, selected, n, parts, xcalloc((size_t)parts, sizeof *ps.part)};
	check_prepare(c);	/* once, for every part */
	par_ranges(n, parts, part_run, &ps);
	bool ok = true;
	for (int i = 0; i < parts; i++)
		ok &= ps.part[i].ok;
	for (int i = 0; i < parts && ok; i++) {
		Check *w = &ps.part[i].c;
		if (!c->nf) {	/* the first part's findings become the run's */
			free(c->f);
			c->f = w->f, c->nf = w->nf, c->capf = w->capf;
			c->errors = w->errors, c->warnings = w->warnings;
			w->f = NULL;
		} else {
			for (int j = 0; j < w->nf; j++)
				check_add_finding(c, w->f[j]);
			free(w->f);	/* as soon as it is copied */
			w->f = NULL;
		}
		for (int r = 0; c->reached && r < c->p->nrules; r++)
			if (w->reached[r] > c->reached[r])
				c->reached[r] = w->reached[r];
		for (int s = 0; c->scope_hit && s < c->p->nscopes; s++)
			c->scope_hit[s] |= w->scope_hit[s];
	}
	for (int i = 0; i < parts; i++)
		check_free(&ps.part[i].c);
	free(ps.part);
	if (ok)
		return true;
	/* again, alone, to say the first error as one thread would */
	c->nf = c->errors = c->warnings = 0;
	return check_range(c, selected, 0, n);
}

bool
check_run(Check *c, const bool *selected)
{
	const Program *p = c->p;
	free(c->reached);
	free(c->scope_hit);
	c->reached = c->scope_hit = NULL;
	if (!selected) {	/* which rules and scopes reach some unit */
		c->reached = xcalloc((size_t)p->nrules + 1, 1);
		c->scope_hit = xcalloc((size_t)p->nscopes + 1, 1);
	}
	if (!check_parts(c, selected))
		return false;
	if (c->nf > 1)
		qsort(c->f, (size_t)c->nf, sizeof *c->f, cmp_finding);
	if (c->reached && c->u->n)	/* an empty table is said otherwise */
		find_unused(c);
	return true;
}

bool
check_applied(Check *c, int k, unsigned char *applied)
{
	for (int r = 0; r < c->p->nrules; r++) {
		double lo, hi;
		Applied a = check_rule(c, r, k, &lo, &hi);
		if (a == AP_ERROR)
			return false;
		applied[r] = a == AP_YIELD;
	}
	return true;
}

void
check_scopes_in(Check *c, int k, unsigned char *in)
{
	check_forget(c);
	for (int s = 0; s < c->p->nscopes; s++)
		in[s] = check_in_scope(c, s, k) > 0;
}
