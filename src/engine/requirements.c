/* requirements.c: the meaning of rules: which rules apply to a unit,
 * the amount each chooses, the interval it yields, their intersection,
 * and the findings with their severity. */
#include "requirements.h"
#include "msg.h"

#include "eval.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A quotient within 1e-9 (relative) of a whole number counts as that
 * number, so decimal counts that should divide evenly (0.3 / 0.1) do;
 * never more than a millionth, so a large count keeps its halves. */
static double
tolerance(double x)
{
	return fmin(1e-9 * fmax(1, fabs(x)), 1e-6);
}

bool
num_near(double x, double y)
{
	return fabs(x - y) <= tolerance(fmax(fabs(x), fabs(y)));
}

/* whole numbers below 2^53 are doubles exactly */
static const double two53 = 9007199254740992.0;

const char *
status_name(Status s)
{
	/* the words of json and csv; explain says them in the reader's language */
	static const char *const names[] = {N_("under"), N_("over"), N_("conflict"), N_("ok"), N_("failed"),
					    N_("missing")};
	return names[s];
}

int
check_pool(Check *c, int pool, int k)
{
	int x = c->p->pools[pool].cond;
	if (x < 0)
		return 1;
	int rule = c->ev->rule, scope = c->ev->scope;
	c->ev->rule = c->ev->scope = -1;
	c->ev->pool = pool;
	Value v;
	bool ok = eval_expr(c->ev, x, k, &v);
	c->ev->rule = rule, c->ev->scope = scope, c->ev->pool = -1;
	return ok ? v.n != 0 : -1;
}

static bool
whole(double x)
{
	return x >= 0 && x < two53 && x == floor(x);
}

/* ceil(q / n) and floor(q / n): exact for whole numbers, else within
 * the tolerance. */
double
ceil_div(double q, double n)
{
	if (whole(q) && whole(n) && n > 0) {
		uint64_t a = (uint64_t)q, b = (uint64_t)n;
		return (double)(a / b + (a % b != 0));
	}
	double x = q / n, r = round(x);
	return fabs(x - r) <= tolerance(x) ? r : ceil(x);
}

double
floor_div(double q, double n)
{
	if (whole(q) && whole(n) && n > 0)
		return (double)((uint64_t)q / (uint64_t)n);
	double x = q / n, r = round(x);
	return fabs(x - r) <= tolerance(x) ? r : floor(x);
}

void
check_init(Check *c, const Program *p, Units *u, Diag *d)
{
	memset(c, 0, sizeof *c);
	c->p = p;
	c->u = u;
	c->diag = d;
	c->ev = xmalloc(sizeof *c->ev);
	eval_init(c->ev, p, u, d);
	c->scope_ok = xmalloc((size_t)p->nscopes + 1);
	c->scope_miss = xmalloc(((size_t)p->nscopes + 1) * 2 * sizeof *c->scope_miss);
	c->scope_unit = -1;
	c->req = xcalloc((size_t)p->nroles + 1, sizeof *c->req);
	c->yield = xmalloc((size_t)(p->nrules + 1) * sizeof *c->yield);
	c->failed = xmalloc(3 * (size_t)(p->nrules + 1) * sizeof *c->failed);
}

void
check_init_part(Check *part, const Check *whole)
{
	check_init(part, whole->p, whole->u, whole->diag);
	part->ev->counts = whole->ev->counts;
	part->ev->quiet = true;
	eval_share(part->ev, whole->ev);
}

void
check_prepare(Check *c)
{
	eval_prepare(c->ev);
}

void
check_use_counts(Check *c, const Counts *counts)
{
	c->ev->counts = counts ? counts : &c->u->counts;
	check_forget(c);
}

bool
check_traced(Check *c, int x, int k, EvalTrace *trace, double *value)
{
	Value v;
	bool ok = eval_traced(c->ev, x, k, trace, &v);
	*value = ok ? v.n : 0;
	return ok;
}

void
check_free(Check *c)
{
	if (c->ev)
		eval_free(c->ev);
	free(c->ev);
	free(c->scope_ok);
	free(c->scope_miss);
	free(c->req);
	free(c->yield);
	free(c->failed);
	free(c->f);
	free(c->reached);
	free(c->scope_hit);
}

void
check_forget(Check *c)
{
	c->scope_unit = -1;
	eval_forget(c->ev);
}

int
check_scope(Check *c, int s, int k)
{
	if (s < 0)
		return 1;
	if (c->scope_unit != k) {
		memset(c->scope_ok, -1, (size_t)c->p->nscopes);
		for (int i = 0; i < c->p->nscopes; i++)
			c->scope_miss[2 * i] = -1;
		c->scope_unit = k;
	}
	if (c->scope_ok[s] >= 0)
		return c->scope_ok[s];
	const Scope *sc = &c->p->scopes[s];
	int outer = check_in_scope(c, sc->parent, k);
	if (outer <= 0)
		return c->scope_ok[s] = (signed char)outer, outer;
	int rule = c->ev->rule;
	c->ev->rule = -1;
	c->ev->scope = s;
	Value v;
	bool ok = eval_expr(c->ev, sc->cond, k, &v);
	c->ev->rule = rule;
	if (!ok)
		return -1;
	if (isnan(v.n)) {	/* it reads a blank cell */
		c->scope_miss[2 * s] = c->ev->miss_unit;
		c->scope_miss[2 * s + 1] = c->ev->miss_col;
	}
	return c->scope_ok[s] = v.n != 0;
}

static bool
holds(Check *c, int expr, int k, int *err)
{
	if (expr < 0)
		return true;
	Value v;
	if (!eval_expr(c->ev, expr, k, &v)) {
		*err = 1;
		return false;
	}
	if (isnan(v.n))
		*err = 2;	/* it reads a blank cell */
	return v.n != 0 && !isnan(v.n);
}

/* A requirement that is not a finite number cannot be met or planned:
 * said where the rule is, like a division by zero. */
static Applied
not_finite(Check *c, int r, int k)
{
	const Rule *u = &c->p->rules[r];
	Str id = units_id(c->u, k);
	if (!c->ev->quiet)
		diag_error(c->diag, u->loc, "the requirement of %s%s%s for unit '%.*s' is not a finite number (a value too large to compute)",
			   u->id ? _("rule '") : _("this rule"), u->id ? u->id : "", u->id ? "'" : "",
			   id.len, id.s);
	return AP_ERROR;
}

/* The interval of a rule's amount, before any ratio. */
void
amount_interval(const RClause *a, double *lo, double *hi)
{
	switch (a->kind) {
	case AM_EXACT: *lo = *hi = a->lo; break;
	case AM_ATLEAST: *lo = a->lo, *hi = INFINITY; break;
	case AM_ATMOST: *lo = 0, *hi = a->lo; break;
	default: *lo = a->lo, *hi = a->hi; break;
	}
}

/* The clause rule r chooses on unit k: the last alternative
 * that holds; else the first amount if its condition holds; else the
 * else.  -1 when none, -2 after a runtime error, -3 when a condition
 * reads a blank cell. */
int
check_choose(Check *c, int r, int k)
{
	const Program *p = c->p;
	const Rule *u = &p->rules[r];
	const RClause *cl = p->clauses + u->clause0;
	int err = 0;
	for (int i = u->nclauses - 1; i >= 1; i--)
		if (!cl[i].is_else && (holds(c, cl[i].cond, k, &err) || err))
			return err ? -1 - err : i;
	if (holds(c, cl[0].cond, k, &err))
		return 0;
	if (err)
		return -1 - err;
	if (u->nclauses > 1 && cl[u->nclauses - 1].is_else)
		return u->nclauses - 1;
	return -1;
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
	for (int i = u->scope; i >= 0; i = p->scopes[i].parent)
		if (c->scope_miss[2 * i] >= 0) {	/* a scope read a blank */
			c->ev->miss_unit = c->scope_miss[2 * i];
			c->ev->miss_col = c->scope_miss[2 * i + 1];
			return AP_MISSING;
		}
	c->ev->rule = r;
	int err = 0;
	Value v;
	double a, b;
	bool open = u->form == R_GE;	/* no maximum */
	static const Applied fails[] = {AP_NONE, AP_ERROR, AP_MISSING};	/* by holds' err */
	if (u->form == R_ASSERT) {	/* [1, 1] when it holds, [0, 0] when not */
		if (!holds(c, u->cond, k, &err))
			return fails[err];
		bool ok = holds(c, u->e1, k, &err);
		if (err)
			return fails[err];
		*lo = *hi = ok;
		return AP_YIELD;
	}
	if (u->form != R_SUGAR) {
		if (!holds(c, u->cond, k, &err))
			return fails[err];
		if (!eval_expr(c->ev, u->e1, k, &v))
			return AP_ERROR;
		a = b = v.n;
		if (u->e2 >= 0) {
			if (isnan(a) || !eval_expr(c->ev, u->e2, k, &v))
				return isnan(a) ? AP_MISSING : AP_ERROR;
			b = v.n;
		}
		if (isnan(a) || isnan(b))
			return AP_MISSING;
		switch (u->form) {
		case R_EQ: break;
		case R_GE: b = INFINITY; break;
		case R_LE: a = 0; break;
		default: break;
		}
	} else {
		int pick = check_choose(c, r, k);
		if (pick <= -2)
			return pick == -2 ? AP_ERROR : AP_MISSING;
		if (pick < 0)
			return AP_NONE;
		const RClause *cl = &p->clauses[u->clause0 + pick];
		amount_interval(cl, &a, &b);
		open = cl->kind == AM_ATLEAST;
		if (u->per != PER_NONE) {
			if (!eval_expr(c->ev, u->qty, k, &v))
				return AP_ERROR;
			if (isnan(v.n))
				return AP_MISSING;
			double q = v.n > 0 ? v.n : 0;	/* nothing to staff below 0 */
			double mlo, mhi;
			if (u->per == PER_RATIO)
				mlo = mhi = ceil_div(q, u->n);
			else
				mlo = ceil_div(q, u->b), mhi = floor_div(q, u->a);
			a = a * mlo;	/* an open end stays open */
			b = isinf(b) ? b : b * mhi;
		}
	}
	/* an open maximum is the only infinity a rule may yield */
	if (!isfinite(a) || (!open && !isfinite(b)))
		return not_finite(c, r, k);
	*lo = a > 0 ? a : 0;	/* a count is never below 0 */
	*hi = b > 0 ? b : 0;
	return AP_YIELD;
}

static void
tighten(Span *s, double lo, double hi, int r)
{
	if (lo > s->min || s->min_rule < 0)
		s->min = lo, s->min_rule = r;
	if (hi < s->max || s->max_rule < 0)
		s->max = hi, s->max_rule = r;
}

bool
check_unit(Check *c, int k)
{
	const Program *p = c->p;
	const Span open = {0, INFINITY, -1, -1};
	for (int r = 0; r < p->nroles; r++)
		c->req[r] = (Req){0, open, open, -1, -1, -1};
	c->nyield = c->nfailed = 0;
	for (int r = 0; r < p->nrules; r++) {
		double lo, hi;
		Applied a = check_rule(c, r, k, &lo, &hi);
		if (a == AP_ERROR)
			return false;
		Applied got = a == AP_MISSING ? AP_YIELD : a;	/* it applies */
		if (c->reached && got > c->reached[r])
			c->reached[r] = (unsigned char)got;
		const Rule *u = &p->rules[r];
		if (a == AP_MISSING || (a == AP_YIELD && u->form == R_ASSERT && !lo)) {
			int *f = u->form == R_ASSERT ? &c->failed[3 * c->nfailed++] : NULL;
			Req *q = u->form == R_ASSERT ? NULL : &c->req[u->role];
			if (f)	/* an assert: failed, or missing with its cell */
				f[0] = r, f[1] = a == AP_MISSING ? c->ev->miss_unit : -1, f[2] = c->ev->miss_col;
			else if (q->miss_rule < 0 || (p->rules[q->miss_rule].should && !u->should))	/* a must's first */
				q->miss_rule = r, q->miss_unit = c->ev->miss_unit, q->miss_col = c->ev->miss_col;
			continue;
		}
		if (a != AP_YIELD || u->form == R_ASSERT)
			continue;
		Req *q = &c->req[u->role];
		q->nrules++;
		c->yield[c->nyield++] = r;
		tighten(u->should ? &q->should : &q->must, lo, hi, r);
	}
	return true;
}

bool
span_empty(double lo, double hi)
{
	return lo > hi && !num_near(lo, hi);
}

Span
req_target(const Req *q)
{
	const Span *m = &q->must, *s = &q->should;
	Span t = *m;
	if (span_empty(m->min, m->max))
		return t;
	if (s->min > t.min)
		t.min = s->min, t.min_rule = s->min_rule;
	if (s->max < t.max)
		t.max = s->max, t.max_rule = s->max_rule;
	return span_empty(t.min, t.max) ? *m : t;
}

Status
span_status(double actual, double lo, double hi)
{
	if (span_empty(lo, hi))
		return ST_CONFLICT;
	if (actual < lo && !num_near(actual, lo))
		return ST_UNDER;
	if (actual > hi && !num_near(actual, hi))
		return ST_OVER;
	return ST_OK;
}

Verdict
req_judge(const Req *q, double actual)
{
	const Span *m = &q->must, *s = &q->should;
	Verdict v = {true, ST_UNDER, true, m->min, m->max, -1, -1, -1, 0, 0};
	switch (span_status(actual, m->min, m->max)) {
	case ST_CONFLICT:	/* the musts contradict each other */
		v.ok = false;
		v.status = ST_CONFLICT;
		v.rule = v.lo_rule = m->min_rule;
		v.hi_rule = m->max_rule;
		v.lo = m->min, v.hi = m->max;
		return v;
	case ST_UNDER:
		v.ok = false, v.rule = m->min_rule;
		return v;
	case ST_OVER:
		v.ok = false, v.status = ST_OVER, v.rule = m->max_rule;
		return v;
	case ST_OK:
	case ST_FAILED:		/* (an assert's and missing data's, */
	case ST_MISSING:	/* never an interval's) */
		break;
	}
	/* the musts are met: the shoulds can only warn */
	v.error = false;
	v.min = fmax(m->min, s->min);
	v.max = fmin(m->max, s->max);
	if (span_empty(v.min, v.max)) {
		v.ok = false;
		v.status = ST_CONFLICT;
		if (span_empty(s->min, m->max) || span_empty(s->min, s->max)) {
			/* a should asks for more than the musts or the other
			 * shoulds allow */
			v.rule = v.lo_rule = s->min_rule;
			v.lo = s->min;
			bool must = span_empty(s->min, m->max);
			v.hi_rule = must ? m->max_rule : s->max_rule;
			v.hi = must ? m->max : s->max;
		} else {	/* a should allows less than the musts ask */
			v.rule = v.hi_rule = s->max_rule;
			v.hi = s->max;
			v.lo_rule = m->min_rule;
			v.lo = m->min;
		}
		return v;
	}
	Status st = span_status(actual, v.min, v.max);
	if (st == ST_UNDER)
		v.ok = false, v.rule = s->min_rule;
	else if (st == ST_OVER)
		v.ok = false, v.status = ST_OVER, v.rule = s->max_rule;
	return v;
}

static uint64_t
unit_id_key(Str id)
{
	uint64_t key = 0;
	for (int i = 0; i < 8; i++)
		key = key << 8 | (i < id.len ? (unsigned char)id.s[i] : 0);
	return key;
}

void
check_add_finding(Check *c, Finding f)
{
	vec_grow((void **)&c->f, c->nf, &c->capf, sizeof *c->f);
	f.key = unit_id_key(f.id);
	c->f[c->nf++] = f;
	if (f.v.error)
		c->errors++;
	else
		c->warnings++;
}

Finding
finding_missing(const Check *c, int k, int r)
{
	const Req *q = &c->req[r];
	int mr = q->miss_rule >= 0 ? q->miss_rule : q->must.min_rule >= 0 ? q->must.min_rule
		: q->must.max_rule >= 0 ? q->must.max_rule : q->should.min_rule >= 0 ? q->should.min_rule
		: q->should.max_rule;
	Verdict v = {false, ST_MISSING, !c->p->rules[mr].should, NAN, NAN, mr, -1, -1, 0, 0};
	return (Finding){units_id(c->u, k), 0, c->p->roles[r].name, k, r, NAN, v, BASE_NONE, 0,
			 q->miss_rule >= 0 ? q->miss_unit : k, q->miss_rule >= 0 ? q->miss_col : r};
}

/* Units [from, to) of the selected: findings added, reached and
 * scope_hit raised; false at a runtime error. */
bool
check_range(Check *c, const bool *selected, int from, int to)
{
	const Program *p = c->p;
	for (int k = from; k < to; k++) {
		if (selected && !selected[k])
			continue;
		if (!check_unit(c, k))
			return false;
		for (int s = 0; c->scope_hit && s < p->nscopes; s++) {
			if (c->scope_hit[s])
				continue;
			int in = check_in_scope(c, s, k);
			if (in < 0)
				return false;
			c->scope_hit[s] = (unsigned char)in;
		}
		for (int r = 0; r < p->nroles; r++) {
			const Req *q = &c->req[r];
			if (!q->nrules && q->miss_rule < 0)
				continue;
			double actual = counts_get(c->ev->counts, r, k);
			if (check_missing(c, r, k)) {	/* a blank cell read, or the count */
				check_add_finding(c, finding_missing(c, k, r));
				continue;
			}
			Verdict v = req_judge(q, actual);
			if (!v.ok)
				check_add_finding(c, (Finding){units_id(c->u, k), 0, p->roles[r].name, k, r, actual, v, BASE_NONE, 0, -1, 0});
		}
		for (int i = 0; i < c->nfailed; i++) {	/* an assert's: no role */
			const int *f = &c->failed[3 * i];
			Verdict v = {false, f[1] >= 0 ? ST_MISSING : ST_FAILED, !p->rules[f[0]].should, NAN, NAN, f[0], -1, -1, 0, 0};
			check_add_finding(c, (Finding){units_id(c->u, k), 0, "", k, -1, NAN, v, BASE_NONE, 0, f[1], f[2]});
		}
	}
	return true;
}
