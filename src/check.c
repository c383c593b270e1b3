/* check.c: the meaning of rules (SPEC §2.3): which rules apply to a unit,
 * the amount each chooses, the interval it yields, their intersection,
 * and the findings with their severity. */
#include "check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Ratios of decimal counts: 0.3 * 10 / 3 must not become 1.0000000001
 * and round up to 2. */
static double
ceil_q(double x)
{
	return ceil(x - 1e-9 * fmax(1, fabs(x)));
}

static double
floor_q(double x)
{
	return floor(x + 1e-9 * fmax(1, fabs(x)));
}

void
check_init(Check *c, Program *p, Units *u, Diag *d)
{
	memset(c, 0, sizeof *c);
	c->p = p;
	c->u = u;
	c->diag = d;
	eval_init(&c->ev, p, u, d);
	c->scope_ok = xmalloc((size_t)p->nscopes + 1);
	c->scope_unit = -1;
	c->req = xcalloc((size_t)p->nroles + 1, sizeof *c->req);
	c->yield = xmalloc((size_t)(p->nrules + 1) * sizeof *c->yield);
}

void
check_free(Check *c)
{
	eval_free(&c->ev);
	free(c->scope_ok);
	free(c->req);
	free(c->yield);
	free(c->f);
}

void
check_forget(Check *c)
{
	c->scope_unit = -1;
	eval_forget(&c->ev);
}

int
check_scope(Check *c, int s, int k)
{
	if (s < 0)
		return 1;
	if (c->scope_unit != k) {
		memset(c->scope_ok, -1, (size_t)c->p->nscopes);
		c->scope_unit = k;
	}
	if (c->scope_ok[s] >= 0)
		return c->scope_ok[s];
	const Scope *sc = &c->p->scopes[s];
	int outer = check_in_scope(c, sc->parent, k);
	if (outer <= 0)
		return c->scope_ok[s] = (signed char)outer, outer;
	int rule = c->ev.rule;
	c->ev.rule = -1;
	c->ev.scope = s;
	Value v;
	bool ok = eval_expr(&c->ev, sc->cond, k, &v);
	c->ev.rule = rule;
	if (!ok)
		return -1;
	return c->scope_ok[s] = v.n != 0;
}

static bool
holds(Check *c, int expr, int k, int *err)
{
	if (expr < 0)
		return true;
	Value v;
	if (!eval_expr(&c->ev, expr, k, &v)) {
		*err = 1;
		return false;
	}
	return v.n != 0;
}

Applied
check_rule(Check *c, int r, int k, double *lo, double *hi)
{
	const Program *p = c->p;
	const Rule *u = &p->rules[r];
	int s = check_in_scope(c, u->scope, k);
	if (s < 0)
		return AP_ERROR;
	if (!s)
		return AP_SCOPE;
	if (u->kind >= 0 && c->u->kind[k] != p->kinds[u->kind])
		return AP_KIND;
	c->ev.rule = r;
	int err = 0;
	Value v;
	if (u->form != R_SUGAR) {
		if (!holds(c, u->cond, k, &err))
			return err ? AP_ERROR : AP_NONE;
		if (!eval_expr(&c->ev, u->e1, k, &v))
			return AP_ERROR;
		double a = v.n, b = v.n;
		if (u->e2 >= 0) {
			if (!eval_expr(&c->ev, u->e2, k, &v))
				return AP_ERROR;
			b = v.n;
		}
		switch (u->form) {
		case R_EQ: *lo = a, *hi = a; break;
		case R_GE: *lo = a, *hi = INFINITY; break;
		case R_LE: *lo = 0, *hi = a; break;
		default: *lo = a, *hi = b; break;
		}
		return AP_YIELD;
	}
	/* the last alternative that holds; else the first amount if its
	 * condition holds; else the else */
	const RClause *cl = p->clauses + u->clause0, *pick = NULL;
	for (int i = u->nclauses - 1; i >= 1 && !pick; i--)
		if (!cl[i].is_else && holds(c, cl[i].cond, k, &err))
			pick = &cl[i];
	if (err)
		return AP_ERROR;
	if (!pick && holds(c, cl[0].cond, k, &err))
		pick = &cl[0];
	if (err)
		return AP_ERROR;
	if (!pick && cl[u->nclauses - 1].is_else && u->nclauses > 1)
		pick = &cl[u->nclauses - 1];
	if (!pick)
		return AP_NONE;
	double a, b;
	switch (pick->kind) {
	case AM_EXACT: a = b = pick->lo; break;
	case AM_ATLEAST: a = pick->lo, b = INFINITY; break;
	case AM_ATMOST: a = 0, b = pick->lo; break;
	default: a = pick->lo, b = pick->hi; break;
	}
	if (u->per != PER_NONE) {
		if (!eval_expr(&c->ev, u->qty, k, &v))
			return AP_ERROR;
		double q = v.n > 0 ? v.n : 0;	/* nothing to staff below 0 */
		double mlo, mhi;
		if (u->per == PER_RATIO)
			mlo = mhi = ceil_q(q / u->n);
		else
			mlo = ceil_q(q / u->b), mhi = floor_q(q / u->a);
		a = a * mlo;	/* an open end stays open */
		b = isinf(b) ? b : b * mhi;
	}
	*lo = a;
	*hi = b;
	return AP_YIELD;
}

bool
check_unit(Check *c, int k)
{
	const Program *p = c->p;
	for (int r = 0; r < p->nroles; r++)
		c->req[r] = (Req){0, -INFINITY, INFINITY, -1, -1, -INFINITY, INFINITY};
	c->nyield = 0;
	for (int r = 0; r < p->nrules; r++) {
		double lo, hi;
		Applied a = check_rule(c, r, k, &lo, &hi);
		if (a == AP_ERROR)
			return false;
		if (a != AP_YIELD)
			continue;
		const Rule *u = &p->rules[r];
		Req *q = &c->req[u->role];
		q->nrules++;
		c->yield[c->nyield++] = r;
		if (lo > q->min || q->min_rule < 0)
			q->min = lo, q->min_rule = r;
		if (hi < q->max || q->max_rule < 0)
			q->max = hi, q->max_rule = r;
		if (!u->should) {
			q->must_min = fmax(q->must_min, lo);
			q->must_max = fmin(q->must_max, hi);
		}
	}
	return true;
}

static uint64_t
id_key(Str id)
{
	uint64_t key = 0;
	for (int i = 0; i < 8; i++)
		key = key << 8 | (i < id.len ? (unsigned char)id.s[i] : 0);
	return key;
}

static void
add(Check *c, Finding f)
{
	vec_grow((void **)&c->f, c->nf, &c->capf, sizeof *c->f);
	f.key = id_key(f.id);
	c->f[c->nf++] = f;
	if (f.error)
		c->errors++;
	else
		c->warnings++;
}

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

bool
check_run(Check *c, const bool *selected)
{
	const Program *p = c->p;
	const double eps = 1e-9;
	for (int k = 0; k < c->u->n; k++) {
		if (selected && !selected[k])
			continue;
		if (!check_unit(c, k))
			return false;
		for (int r = 0; r < p->nroles; r++) {
			const Req *q = &c->req[r];
			if (!q->nrules)
				continue;
			double actual = units_count(c->u, r, k);
			Finding f = {units_id(c->u, k), 0, p->roles[r].name, k, r, ST_UNDER, false, actual,
				     q->min, q->max, q->min_rule, q->max_rule};
			if (q->min > q->max + eps) {
				f.status = ST_CONFLICT;
				f.error = !p->rules[q->min_rule].should || !p->rules[q->max_rule].should;
			} else if (actual < q->min - eps) {
				f.error = q->must_min > actual + eps;
			} else if (actual > q->max + eps) {
				f.status = ST_OVER;
				f.rule = q->max_rule;
				f.error = q->must_max < actual - eps;
			} else {
				continue;
			}
			add(c, f);
		}
	}
	if (c->nf > 1)
		qsort(c->f, (size_t)c->nf, sizeof *c->f, cmp_finding);
	return true;
}

void
num_text(Buf *b, double v)
{
	if (v == 0)
		v = 0;
	if (v > -1e15 && v < 1e15 && v == (double)(long long)v) {
		/* counts are whole numbers: no printf for them */
		char d[24];
		int i = sizeof d;
		long long x = (long long)v;
		unsigned long long m = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
		do
			d[--i] = (char)('0' + m % 10);
		while (m /= 10);
		if (x < 0)
			d[--i] = '-';
		buf_put(b, d + i, sizeof d - (size_t)i);
		return;
	}
	buf_printf(b, "%.15g", v);
}

void
interval_text(Buf *b, double lo, double hi)
{
	if (isinf(hi)) {
		buf_puts(b, "at least ");
		num_text(b, lo);
	} else if (lo <= 0 && hi > 0) {
		buf_puts(b, "at most ");
		num_text(b, hi);
	} else if (lo == hi) {
		num_text(b, lo);
	} else {
		num_text(b, lo);
		buf_puts(b, "..");
		num_text(b, hi);
	}
}

static void
rule_name(const Check *c, int r, Buf *b)
{
	const Rule *u = &c->p->rules[r];
	if (u->id)
		buf_printf(b, "%s", u->id);
	else
		buf_printf(b, "%s:%d", c->p->files[u->file], u->line);
}

void
finding_message(const Check *c, const Finding *f, Buf *b)
{
	const Program *p = c->p;
	buf_printf(b, "%s: ", p->roles[f->role].name);
	num_text(b, f->actual);
	if (f->status != ST_CONFLICT) {
		buf_puts(b, ", needs ");
		interval_text(b, f->min, f->max);
		buf_printf(b, " (%s)", p->rules[f->rule].text);
		return;
	}
	if (f->rule == f->rule2) {
		buf_puts(b, ", but no count meets ");
		num_text(b, f->min);
		buf_puts(b, "..");
		num_text(b, f->max);
		buf_printf(b, " (%s)", p->rules[f->rule].text);
		return;
	}
	buf_puts(b, ", but the rules conflict: ");
	rule_name(c, f->rule, b);
	buf_puts(b, " needs at least ");
	num_text(b, f->min);
	buf_printf(b, " (%s), ", p->rules[f->rule].text);
	rule_name(c, f->rule2, b);
	buf_puts(b, " at most ");
	num_text(b, f->max);
	buf_printf(b, " (%s)", p->rules[f->rule2].text);
}
