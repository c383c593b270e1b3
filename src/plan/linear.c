/* linear.c: which rules are linear in the counts of their unit, and their
 * bounds as links for the solver (linear.h).
 *
 * An expression is read once, symbolically: each value on its stack is
 * a known number, something that does not depend on the unit's counts
 * (an attribute, a text, a parent's count, an aggregate), or a sum of
 * the unit's counts times numbers plus such a thing.  Counts times
 * counts, or counts under a function other than + - * / by a number,
 * are not linear: the rule is then taken at the proposal, as before.
 */
#include "linear.h"
#include "eval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct LinTerm {
	int role;
	double coef;
} LinTerm;

struct Linear {
	int (*first)[2], (*count)[2];	/* per rule, per expression (the quantity
					 * or e1, then e2): its terms; count 0
					 * when it is not linear in counts */
	LinTerm *t; int nt, capt;
	int (*tie)[2]; int ntie;	/* the roles a linear rule reads with the
					 * role it sets, each pair once */
};

enum { LIT, OPAQUE, LINEAR };

typedef struct Sym {
	int kind;
	double v;		/* LIT: its value */
	double *coef;		/* LINEAR: per role */
} Sym;

/* Adds k times b's counts to a's (a becomes LINEAR). */
static void
add_scaled(Sym *a, const Sym *b, double k, int nr)
{
	if (b->kind != LINEAR)
		return;
	a->kind = LINEAR;
	for (int r = 0; r < nr; r++)
		a->coef[r] += k * b->coef[r];
}

static int
arity(const Insn *in)
{
	switch ((Opcode)in->op) {
	case I_NUM: case I_STR: case I_SET: case I_ROLE: case I_GROUP: case I_HEADCOUNT:
	case I_ATTR: case I_ID: case I_NAME: case I_KIND: case I_PARENT: case I_AGG:
		return 0;
	case I_NEG: case I_NOT: case I_SIZE: case I_MATH:
		return 1;
	case I_MIN: case I_MAX:
		return in->arg;
	default:
		return 2;
	}
}

/* The counts expression x reads linearly, into coef (per role); false
 * when it is not linear in them or reads none. */
static bool
affine(const Program *p, int x, double *coef)
{
	const Expr *ex = &p->exprs[x];
	const Insn *code = p->code + ex->start;
	int nr = p->nroles, sp = 0;
	Sym *st = xcalloc((size_t)ex->len + 1, sizeof *st);
	double *mem = xcalloc(((size_t)ex->len + 1) * (size_t)(nr ? nr : 1), sizeof *mem);
	for (int i = 0; i <= ex->len; i++)
		st[i].coef = mem + (size_t)i * (size_t)(nr ? nr : 1);
	bool ok = true;
	for (int pc = 0; pc < ex->len && ok; pc++) {
		const Insn *in = &code[pc];
		int n = arity(in);
		if (n > sp) {
			ok = false;
			break;
		}
		Sym *a = &st[sp - n], *b = n == 2 ? &st[sp - 1] : NULL;
		Sym r = {OPAQUE, 0, st[sp].coef};	/* the result, built in the slot above */
		memset(r.coef, 0, (size_t)nr * sizeof *r.coef);
		switch ((Opcode)in->op) {
		case I_NUM:
			r.kind = LIT, r.v = p->nums[in->arg];
			break;
		case I_ROLE:
			if (!in->up)
				r.kind = LINEAR, r.coef[in->arg] = 1;
			break;
		case I_GROUP:
			if (!in->up) {
				r.kind = LINEAR;
				for (int j = 0; j < p->groups[in->arg].nroles; j++)
					r.coef[p->groups[in->arg].roles[j]] += 1;
			}
			break;
		case I_HEADCOUNT:
			if (!in->up) {
				r.kind = LINEAR;
				for (int j = 0; j < nr; j++)
					r.coef[j] = 1;
			}
			break;
		case I_NEG:
			r = (Sym){a->kind, -a->v, r.coef};
			add_scaled(&r, a, -1, nr);
			break;
		case I_ADD:
		case I_SUB:
			if (a->kind == LIT && b->kind == LIT)
				r.kind = LIT, r.v = in->op == I_ADD ? a->v + b->v : a->v - b->v;
			add_scaled(&r, a, 1, nr);
			add_scaled(&r, b, in->op == I_ADD ? 1 : -1, nr);
			break;
		case I_MUL:
			if (a->kind == LINEAR && b->kind == LINEAR)
				ok = false;
			else if (a->kind == LINEAR || b->kind == LINEAR) {
				const Sym *l = a->kind == LINEAR ? a : b, *k = l == a ? b : a;
				ok = k->kind == LIT;
				add_scaled(&r, l, ok ? k->v : 0, nr);
			} else if (a->kind == LIT && b->kind == LIT)
				r.kind = LIT, r.v = a->v * b->v;
			break;
		case I_DIV:
			if (b->kind == LINEAR || (a->kind == LINEAR && (b->kind != LIT || b->v == 0)))
				ok = false;
			else if (a->kind == LINEAR)
				add_scaled(&r, a, 1 / b->v, nr);
			else if (a->kind == LIT && b->kind == LIT && b->v != 0)
				r.kind = LIT, r.v = a->v / b->v;
			break;
		case I_JFALSE:
		case I_JTRUE:
			ok = false;
			break;
		default:	/* anything else of counts is not linear */
			for (int j = sp - n; j < sp; j++)
				ok = ok && st[j].kind != LINEAR;
			break;
		}
		if (!ok)
			break;
		/* the result goes where its operands were */
		double *slot = st[sp - n].coef;
		if (r.coef != slot)
			memcpy(slot, r.coef, (size_t)nr * sizeof *slot);
		st[sp - n] = (Sym){r.kind, r.v, slot};
		sp = sp - n + 1;
	}
	bool any = false;
	if (ok && sp == 1 && st[0].kind == LINEAR)
		for (int r = 0; r < nr; r++)
			any |= (coef[r] = st[0].coef[r]) != 0;
	free(st);
	free(mem);
	return any;
}

Linear *
linear_new(const Program *p)
{
	Linear *lin = xcalloc(1, sizeof *lin);
	lin->first = xcalloc((size_t)(p->nrules ? p->nrules : 1), sizeof *lin->first);
	lin->count = xcalloc((size_t)(p->nrules ? p->nrules : 1), sizeof *lin->count);
	double *coef = xmalloc((size_t)(p->nroles ? p->nroles : 1) * sizeof *coef);
	bool some = false;
	for (int r = 0; r < p->nrules; r++) {
		const Rule *u = &p->rules[r];
		int x[2] = {-1, -1};
		if (u->form == R_SUGAR)
			x[0] = u->per != PER_NONE ? u->qty : -1;
		else
			x[0] = u->e1, x[1] = u->e2;
		for (int j = 0; j < 2; j++) {
			if (x[j] < 0 || !affine(p, x[j], coef))
				continue;
			lin->first[r][j] = lin->nt;
			for (int q = 0; q < p->nroles; q++)
				if (coef[q] != 0) {
					vec_grow((void **)&lin->t, lin->nt, &lin->capt, sizeof *lin->t);
					lin->t[lin->nt++] = (LinTerm){q, coef[q]};
				}
			lin->count[r][j] = lin->nt - lin->first[r][j];
			some = true;
		}
	}
	free(coef);
	if (!some) {
		linear_free(lin);
		return NULL;
	}
	/* the ties, worked out once for linear_tie (every unit, every round) */
	unsigned char *seen = xcalloc((size_t)p->nroles * (size_t)p->nroles + 1, 1);
	lin->tie = xmalloc(((size_t)lin->nt + 1) * sizeof *lin->tie);
	for (int r = 0; r < p->nrules; r++)
		for (int j = 0, a = p->rules[r].role; a >= 0 && j < 2; j++)
			for (int i = 0; i < lin->count[r][j]; i++) {
				int b = lin->t[lin->first[r][j] + i].role, lo = a < b ? a : b, hi = a < b ? b : a;
				if (a != b && !seen[(size_t)lo * (size_t)p->nroles + (size_t)hi]++)
					lin->tie[lin->ntie][0] = lo, lin->tie[lin->ntie++][1] = hi;
			}
	free(seen);
	return lin;
}

void
linear_free(Linear *lin)
{
	if (!lin)
		return;
	free(lin->first);
	free(lin->count);
	free(lin->t);
	free(lin->tie);
	free(lin);
}

/* Whether expression j of rule r reads a count the solver has at k. */
static bool
reads_pairs(const Linear *lin, int r, int j, const int *pair_of)
{
	for (int i = 0; i < lin->count[r][j]; i++)
		if (pair_of[lin->t[lin->first[r][j] + i].role] >= 0)
			return true;
	return false;
}

typedef struct Ctx {
	Solve *s;
	const Linear *lin;
	const Counts *x0;
	const int *pair_of;
	int k, pair;
} Ctx;

/* Adds a link on the pair for expression j of rule r, whose value on
 * the counts of the round before is v0. */
static void
add_link(Ctx *t, int r, int j, double v0, SolveLink l)
{
	Solve *s = t->s;
	const Linear *lin = t->lin;
	l.pair = t->pair;
	l.rule = r;
	l.t0 = s->nterms;
	l.c0 = v0;
	for (int i = 0; i < lin->count[r][j]; i++) {
		const LinTerm *a = &lin->t[lin->first[r][j] + i];
		int q = t->pair_of[a->role];
		if (q < 0)
			continue;	/* a count the solver does not change */
		l.c0 -= a->coef * counts_get(t->x0, a->role, t->k);
		vec_grow((void **)&s->term, s->nterms, &s->capterms, sizeof *s->term);
		s->term[s->nterms++] = (SolveTerm){q, a->coef};
	}
	l.nt = s->nterms - l.t0;
	vec_grow((void **)&s->link, s->nlinks, &s->caplinks, sizeof *s->link);
	s->link[s->nlinks++] = l;
	s->pair[t->pair].nlinks++;
}

/* Whether E of rule r's expression j is a whole number at every count
 * (whole coefficients, counts in whole steps): a rounded-up bound above
 * is then linear too. */
static bool
whole_valued(const Solve *s, const SolveLink *l)
{
	if (fabs(l->c0 - round(l->c0)) > 1e-9 || l->div != round(l->div))
		return false;
	for (int i = l->t0; i < s->nterms; i++)
		if (fabs(s->term[i].coef * s->step - round(s->term[i].coef * s->step)) > 1e-9)
			return false;
	return true;
}

/* Rule r's bounds on the pair: the ends that link become links, the
 * others narrow the constant intervals m (must) or sh (should). */
static bool
rule_links(Ctx *t, Check *c, int r, Span *m, Span *sh, bool *should_links)
{
	const Program *p = c->p;
	const Rule *u = &p->rules[r];
	double lo, hi;
	if (check_rule(c, r, t->k, &lo, &hi) != AP_YIELD)
		return false;	/* it yielded on this unit a moment ago */
	bool linked[2] = {false, false};
	Value v;
	if (u->form == R_SUGAR && u->per != PER_NONE && reads_pairs(t->lin, r, 0, t->pair_of)) {
		int pick = check_choose(c, r, t->k);
		double a, b;
		amount_interval(&p->clauses[u->clause0 + pick], &a, &b);
		if (!eval_expr(c->ev, u->qty, t->k, &v))
			return false;
		double div_lo = u->per == PER_RATIO ? u->n : u->b, div_hi = u->per == PER_RATIO ? u->n : u->a;
		if (a > 0) {
			add_link(t, r, 0, v.n, (SolveLink){.should = u->should, .per = true, .amount = a, .div = div_lo});
			linked[0] = true;
		}
		if (isfinite(b) && v.n >= 0) {
			add_link(t, r, 0, v.n, (SolveLink){.should = u->should, .upper = true, .per = true, .amount = b, .div = div_hi});
			SolveLink *l = &t->s->link[t->s->nlinks - 1];
			linked[1] = true;
			if (u->per == PER_RATIO) {	/* m <= ceil(E / n) */
				if (whole_valued(t->s, l))
					l->gap = l->div - 1;
				else {	/* not linear: taken as it is */
					t->s->nterms = l->t0;
					t->s->nlinks--;
					t->s->pair[t->pair].nlinks--;
					linked[1] = false;
				}
			}
		}
	} else if (u->form != R_SUGAR) {
		for (int j = 0; j < 2; j++) {
			int x = j ? u->e2 : u->e1;
			if (x < 0 || !reads_pairs(t->lin, r, j, t->pair_of) || !eval_expr(c->ev, x, t->k, &v))
				continue;
			/* e1 is the lower end (R_EQ, R_GE, R_IN) and the upper
			 * (R_EQ, R_LE); e2 the upper of R_IN */
			bool low = j == 0 && u->form != R_LE, high = u->form == R_EQ || u->form == R_LE || j == 1;
			if (low) {
				add_link(t, r, j, v.n, (SolveLink){.should = u->should});
				linked[0] = true;
			}
			if (high && v.n >= 0) {
				add_link(t, r, j, v.n, (SolveLink){.should = u->should, .upper = true});
				linked[1] = true;
			}
		}
	}
	if (linked[0] || linked[1])
		*should_links |= u->should;
	Span *z = u->should ? sh : m;
	if (!linked[0] && lo > z->min)
		z->min = lo;
	if (!linked[1] && hi < z->max)
		z->max = hi;
	return true;
}

bool
link_unit(Solve *s, Check *c, const Linear *lin, int k, int first, const int *pair_of)
{
	const Program *p = c->p;
	Ctx t = {s, lin, c->ev->counts, pair_of, k, 0};
	for (int i = first; i < s->npairs; i++) {
		SolvePair *q = &s->pair[i];
		bool any = false;
		for (int y = 0; y < c->nyield && !any; y++) {
			int r = c->yield[y];
			any = p->rules[r].role == q->role &&
				(reads_pairs(lin, r, 0, pair_of) || reads_pairs(lin, r, 1, pair_of));
		}
		if (!any)
			continue;
		const Req *full = &c->req[q->role];
		Span m = {0, INFINITY, -1, -1}, sh = m;
		bool should_links = false;
		q->top = q->should ? q->target.max : q->must.max;
		q->link0 = s->nlinks;
		q->nlinks = 0;
		t.pair = i;
		for (int y = 0; y < c->nyield; y++)
			if (p->rules[c->yield[y]].role == q->role && !rule_links(&t, c, c->yield[y], &m, &sh, &should_links))
				return false;
		Span tg = req_target(full);
		q->should = !span_empty(full->must.min, full->must.max) && !span_empty(tg.min, tg.max) &&
			(q->should || should_links);
		q->must = m;
		q->target = m;
		if (sh.min > q->target.min)
			q->target.min = sh.min;
		if (sh.max < q->target.max)
			q->target.max = sh.max;
	}
	return true;
}

void
linear_tie(const Linear *lin, signed char *want)
{
	for (bool more = true; more;) {
		more = false;
		for (int i = 0; i < lin->ntie; i++) {
			int a = lin->tie[i][0], b = lin->tie[i][1];
			if (want[a] >= 0 && want[b] >= 0 && want[a] != want[b])
				want[a] = want[b] = 1, more = true;
		}
	}
}
