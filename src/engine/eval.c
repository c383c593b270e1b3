/* eval.c: the interpreter of program.h's postfix code. */
#include "eval.h"
#include "msg.h"
#include "builtins.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void
eval_init(Eval *e, const Program *p, const Units *u, Diag *d)
{
	memset(e, 0, sizeof *e);
	e->p = p;
	e->u = u;
	e->counts = &u->counts;
	e->diag = d;
	e->cap = p->ncode + 16;	/* no expression pushes more than its length */
	e->stack = xmalloc((size_t)e->cap * sizeof *e->stack);
	e->rule = e->scope = e->pool = -1;
	e->epoch = 1;
	e->cache = xcalloc((size_t)p->naggs + 1, sizeof *e->cache);
}

void
eval_forget(Eval *e)
{
	e->epoch++;
}

/* Caches of its own again, in place of those it borrowed. */
static void
unborrow(Eval *e)
{
	for (int a = 0; a < e->p->naggs; a++)
		e->cache[a] = (AggCache){0, NULL, NULL, NULL};
	e->borrowed = false;
}

void
eval_free(Eval *e)
{
	if (e->borrowed)
		unborrow(e);
	for (int i = 0; i < e->p->naggs; i++) {
		free(e->cache[i].acc);
		free(e->cache[i].cnt);
		free(e->cache[i].bad);
	}
	free(e->cache);
	free(e->stack);
	arena_free(&e->scratch);
}

static int
up(const Units *u, int k, int levels)	/* the ancestor, or -1 */
{
	while (levels-- > 0 && k >= 0)
		k = u->parent[k];
	return k;
}

static Value
set_op(Eval *e, Opcode op, Value a, Value b)
{
	int *out = arena_alloc(&e->scratch, (size_t)(a.set.n + b.set.n + 1) * sizeof *out);
	int i = 0, j = 0, n = 0;
	while (i < a.set.n || j < b.set.n) {
		int x = i < a.set.n ? a.set.v[i] : 0, y = j < b.set.n ? b.set.v[j] : 0;
		bool in_a = i < a.set.n && (j >= b.set.n || x <= y);
		bool in_b = j < b.set.n && (i >= a.set.n || y <= x);
		int v = in_a ? x : y;
		bool keep = op == I_UNION ? true : op == I_INTER ? in_a && in_b : in_a && !in_b;
		if (keep)
			out[n++] = v;
		i += in_a;
		j += in_b;
	}
	Value r;
	r.set.v = out;
	r.set.n = n;
	return r;
}

static bool
set_has(Value s, int x)
{
	int lo = 0, hi = s.set.n;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (s.set.v[mid] == x)
			return true;
		if (s.set.v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static bool
set_eq(Value a, Value b)
{
	return a.set.n == b.set.n && (a.set.n == 0 ||
		memcmp(a.set.v, b.set.v, (size_t)a.set.n * sizeof *a.set.v) == 0);
}

static bool
subset(Value a, Value b)
{
	for (int i = 0; i < a.set.n; i++)
		if (!set_has(b, a.set.v[i]))
			return false;
	return true;
}

static bool run(Eval *e, int x, int k, Value *sp, Value *out);

/* One unit's part in an aggregate: 1 and its value, 0 when the filter
 * leaves it out, -1 after a runtime error, -2 when its filter or value
 * reads a blank cell (the aggregate is missing). */
static int
member(Eval *e, const Agg *g, int v, Value *sp, double *x)
{
	/* the sets it makes die with it: only a number comes out */
	ArenaMark mark = arena_mark(&e->scratch);
	Value t;
	int r = 1;
	*x = 0;
	if (g->filter >= 0) {
		if (!run(e, g->filter, v, sp, &t))
			r = -1;
		else if (isnan(t.n))
			r = -2;
		else if (t.n == 0)
			r = 0;
	}
	if (r == 1 && g->proj >= 0) {
		if (!run(e, g->proj, v, sp, &t))
			r = -1;
		else if (isnan(t.n))
			r = -2;
		else
			*x = t.n;
	}
	arena_release(&e->scratch, mark);
	return r;
}

static void
fold(AggFn fn, double *acc, int count, double x)
{
	if (fn == AGG_MIN)
		*acc = count == 0 || x < *acc ? x : *acc;
	else if (fn == AGG_MAX)
		*acc = count == 0 || x > *acc ? x : *acc;
	else
		*acc += x;
}

/* Aggregate a over every unit's descendants, in one pass from the leaves
 * up (reverse preorder: a unit comes after all its descendants). */
static void
build_cache(Eval *e, int a, Value *sp)
{
	const Units *u = e->u;
	const Agg *g = &e->p->aggs[a];
	if (e->borrowed)
		unborrow(e);
	AggCache *c = &e->cache[a];
	size_t n = (size_t)(u->n ? u->n : 1);
	if (!c->acc) {
		c->acc = xmalloc(n * sizeof *c->acc);
		c->cnt = xmalloc(n * sizeof *c->cnt);
		c->bad = xmalloc(n);
	}
	for (int k = 0; k < u->n; k++)
		c->acc[k] = 0, c->cnt[k] = 0, c->bad[k] = 0;
	bool quiet = e->quiet;
	e->quiet = true;
	for (int i = u->n - 1; i >= 0; i--) {
		int v = u->order[i], p = u->parent[v];
		if (p < 0)
			continue;
		double x;
		int m = member(e, g, v, sp, &x);
		if (m < 0 || c->bad[v]) {
			c->bad[p] = 1;
			continue;
		}
		if (m)
			fold(g->fn, &c->acc[p], c->cnt[p]++, x);
		if (c->cnt[v]) {
			if (g->fn == AGG_MIN || g->fn == AGG_MAX)
				fold(g->fn, &c->acc[p], c->cnt[p], c->acc[v]);
			else
				c->acc[p] += c->acc[v];
			c->cnt[p] += c->cnt[v];
		}
	}
	e->quiet = quiet;
	c->epoch = e->epoch;
}

void
eval_prepare(Eval *e)
{
	for (int a = 0; a < e->p->naggs; a++)
		if (e->p->aggs[a].desc && e->cache[a].epoch != e->epoch)
			build_cache(e, a, e->stack);
}

void
eval_share(Eval *to, const Eval *from)
{
	if (!to->borrowed)
		for (int a = 0; a < to->p->naggs; a++) {
			free(to->cache[a].acc);
			free(to->cache[a].cnt);
			free(to->cache[a].bad);
		}
	memcpy(to->cache, from->cache, (size_t)from->p->naggs * sizeof *to->cache);
	to->epoch = from->epoch;
	to->borrowed = true;
}

static bool
aggregate(Eval *e, int a, int k, Value *sp, Value *out)
{
	const Units *u = e->u;
	const Agg *g = &e->p->aggs[a];
	if (g->desc) {
		AggCache *c = &e->cache[a];
		if (c->epoch != e->epoch)
			build_cache(e, a, sp);
		if (!c->bad[k]) {
			double acc = c->acc[k];
			int count = c->cnt[k];
			out->n = g->fn == AGG_COUNT ? count : g->fn == AGG_AVG ? (count ? acc / count : 0)
				: count ? acc : 0;
			return true;
		}
	}
	const int *list;
	int n;
	if (g->desc) {
		list = u->order + u->pre[k] + 1;
		n = u->size[k] - 1;
	} else {
		/* the parent's children (the unit's siblings, and the unit
		 * unless siblings): none at a root */
		int of = g->from == LIST_OWN ? k : u->parent[k];
		list = of < 0 ? NULL : u->child + u->child_start[of];
		n = of < 0 ? 0 : u->child_start[of + 1] - u->child_start[of];
	}
	double acc = 0;
	int count = 0;
	for (int i = 0; i < n; i++) {
		double x;
		if (g->from == LIST_SIBLINGS && list[i] == k)
			continue;
		int m = member(e, g, list[i], sp, &x);
		if (m == -2) {
			out->n = NAN;	/* missing: e->miss_* name the cell */
			return true;
		}
		if (m < 0)
			return false;
		if (m)
			fold(g->fn, &acc, count++, x);
	}
	if (g->fn == AGG_COUNT)
		acc = count;
	else if (g->fn == AGG_AVG)
		acc = count ? acc / count : 0;
	out->n = acc;
	return true;
}

static double
group_sum(const Program *p, const Counts *cn, int g, int k)
{
	double s = 0;
	for (int i = 0; i < p->groups[g].nroles; i++)
		s += counts_get(cn, p->groups[g].roles[i], k);
	return s;
}

/* Said only when it happens: building the words costs time per unit.
 * `what` is "division by zero" or the like. */
static bool
fault(Eval *e, int loc, int k, const char *what)
{
	if (e->quiet)
		return false;
	const Program *p = e->p;
	Str id = units_id(e->u, k);
	char where[256];
	if (e->rule >= 0 && p->rules[e->rule].id)
		snprintf(where, sizeof where, _("rule '%s'"), p->rules[e->rule].id);
	else if (e->rule >= 0)
		snprintf(where, sizeof where, _("the rule of line %d"), p->rules[e->rule].line);
	else if (e->scope >= 0)
		snprintf(where, sizeof where, _("the condition of scope '%s'"), p->scopes[e->scope].name);
	else if (e->pool >= 0)
		snprintf(where, sizeof where, _("the condition of pool '%s'"), p->pools[e->pool].name);
	else
		snprintf(where, sizeof where, _("a rule"));
	diag_error(e->diag, p->locs[loc], "%s for unit '%.*s', in %s", what, id.len, id.s, where);
	return false;
}

/* No infinity and no NaN ever comes out of arithmetic: a requirement
 * built on one would be silently wrong. */
#define TOO_LARGE _("a number too large to compute (beyond 1e308)")

static void
trace_add(EvalTrace *tr, Insn in, Value v)
{
	vec_grow((void **)&tr->v, tr->n, &tr->cap, sizeof *tr->v);
	tr->v[tr->n++] = (TraceStep){in, v};
}

/* Adds what instruction in read on unit t (the ancestor it names) to
 * the trace; a group, then each of its roles. */
static void
trace_read(Eval *e, const Insn *in, int t, Value v)
{
	trace_add(e->trace, *in, v);
	if (in->op == I_GROUP) {
		const Group *g = &e->p->groups[in->arg];
		for (int i = 0; i < g->nroles; i++) {
			Value c = {.n = t < 0 ? 0 : counts_get(e->counts, g->roles[i], t)};
			trace_add(e->trace, (Insn){I_ROLE, in->up, g->roles[i]}, c);
		}
	}
}

/* A blank cell read: NAN, and the first one noted. */
static double
missing(Eval *e, int t, int col)
{
	if (e->miss_unit < 0)
		e->miss_unit = t, e->miss_col = col;
	return NAN;
}

/* A group's count at unit t, or NAN when one of its roles is blank. */
static double
group_read(Eval *e, int g, int t)
{
	const Group *gr = &e->p->groups[g];
	for (int i = 0; i < gr->nroles; i++)
		if (units_blank(e->u, gr->roles[i], t))
			return missing(e, t, gr->roles[i]);
	return group_sum(e->p, e->counts, g, t);
}

/* The first blank role of unit t: its headcount is missing. */
static double
headcount_read(Eval *e, int t)
{
	for (int r = 0; r < e->p->nroles; r++)
		if (units_blank(e->u, r, t))
			return missing(e, t, r);
	return col_get(&e->counts->headcount, t);
}

/* a op b, missing (NAN) when either is */
#define CMP(op) s--; s[-1].n = isnan(s[-1].n) || isnan(s[0].n) ? NAN : s[-1].n op s[0].n; break

/* Runs expression x on unit k with its stack starting at sp: one switch
 * over the instructions, the interpreter's loop (it may be long). */
static bool
run(Eval *e, int x, int k, Value *sp, Value *out)
{
	const Program *p = e->p;
	const Units *u = e->u;
	const Counts *cn = e->counts;
	const Expr *ex = &p->exprs[x];
	const Insn *code = p->code + ex->start;
	Value *s = sp;		/* s[-1] is the top */
	for (int pc = 0; pc < ex->len; pc++) {
		const Insn *in = &code[pc];
		int t = in->up ? up(u, k, in->up) : k;
		switch ((Opcode)in->op) {
		case I_NUM: s++->n = p->nums[in->arg]; break;
		case I_STR: s++->s = in->arg; break;
		case I_SET:
			s->set.v = p->sets[in->arg];
			s->set.n = p->setlens[in->arg];
			s++;
			break;
		case I_ROLE:
			s++->n = t < 0 ? 0 : units_blank(u, in->arg, t) ? missing(e, t, in->arg) : counts_get(cn, in->arg, t);
			goto read;
		case I_GROUP: s++->n = t < 0 ? 0 : u->blank_any && u->blank_any[t] ? group_read(e, in->arg, t)
				: group_sum(p, cn, in->arg, t); goto read;
		case I_HEADCOUNT: s++->n = t < 0 ? 0 : u->blank_any && u->blank_any[t] ? headcount_read(e, t)
				: col_get(&cn->headcount, t); goto read;
		case I_ATTR: {
			const Attr *a = &p->attrs[in->arg];
			if (a->type == T_NUM)
				s->n = t < 0 ? 0 : isnan(u->num[in->arg][t]) ? missing(e, t, -(in->arg + 1)) : u->num[in->arg][t];
			else if (a->type == T_TEXT)
				s->s = t < 0 ? STR_EMPTY : u->text[in->arg][t];
			else if (t < 0 || !u->set_len[in->arg][t])
				s->set.v = NULL, s->set.n = 0;
			else
				s->set.v = u->setpool + u->set_off[in->arg][t], s->set.n = u->set_len[in->arg][t];
			s++;
			goto read;
		}
		case I_ID: s++->s = t < 0 ? STR_EMPTY : u->id_str[t]; goto read;
		case I_NAME: s++->s = t < 0 ? STR_EMPTY : u->name_str[t]; goto read;
		case I_KIND: s++->s = t < 0 ? STR_EMPTY : u->kind[t]; goto read;
		case I_PARENT:
			s++->s = t < 0 || u->parent[t] < 0 ? STR_EMPTY : u->id_str[u->parent[t]];
		read:
			if (e->trace)
				trace_read(e, in, t, s[-1]);
			break;
		case I_NEG: s[-1].n = -s[-1].n; break;
		case I_ADD: s--; s[-1].n += s[0].n; goto finite;
		case I_SUB: s--; s[-1].n -= s[0].n; goto finite;
		case I_MUL: s--; s[-1].n *= s[0].n; goto finite;
		case I_DIV:
			s--;
			if (s[0].n == 0 && !isnan(s[-1].n))
				return fault(e, in->arg, k, _("division by zero"));
			s[-1].n /= s[0].n;
		finite:	/* (NAN only from a missing value: it goes on) */
			if (isinf(s[-1].n))
				return fault(e, in->arg, k, TOO_LARGE);
			break;
		case I_NOT: s[-1].n = isnan(s[-1].n) ? NAN : s[-1].n == 0; break;
		/* and, or: a missing left side makes the whole missing */
		case I_JFALSE:
			if (s[-1].n == 0 || isnan(s[-1].n))
				pc = in->arg - 1;
			else
				s--;
			break;
		case I_JTRUE:
			if (s[-1].n != 0)	/* NAN too */
				pc = in->arg - 1;
			else
				s--;
			break;
		case I_EQ: CMP(==);
		case I_NE: CMP(!=);
		case I_LT: CMP(<);
		case I_LE: CMP(<=);
		case I_GT: CMP(>);
		case I_GE: CMP(>=);
		case I_TEQ: s--; s[-1].n = s[-1].s == s[0].s; break;
		case I_TNE: s--; s[-1].n = s[-1].s != s[0].s; break;
		case I_SEQ: s--; s[-1].n = set_eq(s[-1], s[0]); break;
		case I_SNE: s--; s[-1].n = !set_eq(s[-1], s[0]); break;
		case I_IN: s--; s[-1].n = set_has(s[0], s[-1].s); break;
		case I_SUBSET: s--; s[-1].n = subset(s[-1], s[0]); break;
		case I_UNION:
		case I_INTER:
		case I_DIFF:
			s--;
			s[-1] = set_op(e, (Opcode)in->op, s[-1], s[0]);
			break;
		case I_SIZE: s[-1].n = s[-1].set.n; break;
		case I_MATH: s[-1].n = builtins[in->arg].math(s[-1].n); break;
		case I_MIN:
		case I_MAX: {
			s -= in->arg;
			double m = s[0].n;
			for (int i = 1; i < in->arg; i++)	/* (fmin drops a NAN) */
				m = isnan(m) || isnan(s[i].n) ? NAN : in->op == I_MIN ? fmin(m, s[i].n) : fmax(m, s[i].n);
			s++->n = m;
			break;
		}
		case I_AGG: {
			EvalTrace *trace = e->trace;	/* not the units it walks */
			e->trace = NULL;
			bool ok = aggregate(e, in->arg, k, s, s);
			e->trace = trace;
			if (!ok)
				return false;
			if (isinf(s->n))
				return fault(e, p->aggs[in->arg].loc, k, TOO_LARGE);
			s++;
			goto read;
		}
		case OPCODE_COUNT:
			break;
		}
	}
	*out = s[-1];
	if (ex->type == T_NUM && out->n == 0)
		out->n = 0;	/* no -0 in reports */
	return true;
}

bool
eval_expr(Eval *e, int x, int k, Value *out)
{
	if (e->scratch.head)
		arena_reset(&e->scratch);
	e->miss_unit = -1;
	return run(e, x, k, e->stack, out);
}

bool
eval_traced(Eval *e, int x, int k, EvalTrace *trace, Value *out)
{
	bool quiet = e->quiet;
	e->quiet = true;
	e->trace = trace;
	bool ok = eval_expr(e, x, k, out);
	e->trace = NULL;
	e->quiet = quiet;
	return ok;
}
