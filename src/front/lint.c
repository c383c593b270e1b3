/* lint.c: the warnings of lint on a checked rules file: unused
 * declarations, rules that can never apply, amounts never chosen.
 * Conditions are folded where they use no unit data at all; and one
 * condition implies another when both compare the same expressions with
 * constants (`revenue > 5000000` implies `revenue > 2000000`), which is
 * how an alternative hidden by a later one is found. */
#include "lint.h"
#include "msg.h"
#include "symtab.h"
#include "print.h"

#include <math.h>
#include <string.h>

typedef enum { K_UNKNOWN, K_FALSE, K_TRUE } Known;

typedef struct Const {
	bool known;
	Type type;
	double num;		/* numbers, booleans */
	const char *text;
} Const;

static Const
lint_fold(const Rules *r, const Node *n)
{
	Const u = {false, T_ERR, 0, NULL}, c = {true, n->type, 0, NULL};
	switch (n->kind) {
	case N_NUM:
	case N_BOOL:
		c.num = n->num;
		return c;
	case N_STR:
		c.text = n->text;
		return c;
	case N_NAME:
		if (n->sym >= 0 && r->syms[n->sym].kind == SYM_KIND) {
			c.text = n->text;
			return c;
		}
		return u;
	case N_UNARY: {
		Const a = lint_fold(r, n->a);
		if (!a.known)
			return u;
		c.num = n->op == OP_NOT ? !a.num : -a.num;
		return c;
	}
	case N_BINARY: {
		Const a = lint_fold(r, n->a), b = lint_fold(r, n->b);
		if (n->op == OP_AND || n->op == OP_OR) {
			double stop = n->op == OP_OR;	/* the value that decides */
			if ((a.known && a.num == stop) || (b.known && b.num == stop)) {
				c.num = stop;
				return c;
			}
			if (a.known && b.known) {
				c.num = !stop;
				return c;
			}
			return u;
		}
		if (!a.known || !b.known || a.type == T_SET)
			return u;
		if (a.type == T_TEXT) {
			int eq = strcmp(a.text, b.text) == 0;
			if (n->op != OP_EQ && n->op != OP_NE)
				return u;
			c.num = n->op == OP_EQ ? eq : !eq;
			return c;
		}
		switch (n->op) {
		case OP_ADD: c.num = a.num + b.num; break;
		case OP_SUB: c.num = a.num - b.num; break;
		case OP_MUL: c.num = a.num * b.num; break;
		case OP_DIV:
			if (b.num == 0)
				return u;
			c.num = a.num / b.num;
			break;
		case OP_EQ: c.num = a.num == b.num; break;
		case OP_NE: c.num = a.num != b.num; break;
		case OP_LT: c.num = a.num < b.num; break;
		case OP_LE: c.num = a.num <= b.num; break;
		case OP_GT: c.num = a.num > b.num; break;
		case OP_GE: c.num = a.num >= b.num; break;
		default: return u;
		}
		return c;
	}
	default:
		return u;
	}
}

/* ---- implication between conditions ---- */

static bool
same(const Node *a, const Node *b)	/* the same expression, written alike */
{
	if (a == b)
		return true;
	if (!a || !b || a->kind != b->kind || a->nargs != b->nargs)
		return false;
	switch (a->kind) {
	case N_NUM:
	case N_BOOL:
		return a->num == b->num;
	case N_STR:
		return !strcmp(a->text, b->text);
	case N_NAME:
		return a->ups == b->ups && !strcmp(a->text, b->text);
	case N_UNARY:
		return a->op == b->op && same(a->a, b->a);
	case N_BINARY:
		return a->op == b->op && same(a->a, b->a) && same(a->b, b->b);
	case N_CALL:
	case N_SET:
		if (a->kind == N_CALL && strcmp(a->text, b->text))
			return false;
		for (int i = 0; i < a->nargs; i++)
			if (!same(a->args[i], b->args[i]))
				return false;
		return true;
	case N_LIST:
		return a->desc == b->desc && a->from == b->from && !a->proj == !b->proj && (!a->proj || !strcmp(a->proj, b->proj)) &&
			(a->where ? b->where && same(a->where, b->where) : !b->where);
	}
	return false;
}

/* The numbers a condition lets an expression take: an interval less
 * some points (`!=`). */
enum { MAX_EXCLUDED = 8, MAX_ATOMS = 32 };
typedef struct Region {
	const Node *x;		/* the expression */
	double lo, hi;
	bool lo_open, hi_open;
	double ex[MAX_EXCLUDED];
	int nex;
} Region;

static bool
is_compare(Op op)
{
	return op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE || op == OP_EQ || op == OP_NE;
}

/* `x OP constant` (or the other way round) into *g; false when n is not
 * such a comparison of numbers. */
static bool
atom(const Rules *r, const Node *n, Region *g)
{
	if (n->kind != N_BINARY || !is_compare(n->op) || n->a->type != T_NUM)
		return false;
	Const ka = lint_fold(r, n->a), kb = lint_fold(r, n->b);
	if (ka.known == kb.known)
		return false;
	Op op = n->op;
	const Node *x = n->a;
	double c = kb.num;
	if (ka.known) {		/* c OP x: x OP' c */
		x = n->b;
		c = ka.num;
		op = op == OP_LT ? OP_GT : op == OP_GT ? OP_LT : op == OP_LE ? OP_GE : op == OP_GE ? OP_LE : op;
	}
	*g = (Region){x, -INFINITY, INFINITY, true, true, {0}, 0};
	switch (op) {
	case OP_GT: g->lo = c; break;
	case OP_GE: g->lo = c, g->lo_open = false; break;
	case OP_LT: g->hi = c; break;
	case OP_LE: g->hi = c, g->hi_open = false; break;
	case OP_EQ: g->lo = g->hi = c, g->lo_open = g->hi_open = false; break;
	default: g->ex[g->nex++] = c; break;
	}
	return true;
}

static bool
excluded(const Region *g, double c)
{
	for (int i = 0; i < g->nex; i++)
		if (g->ex[i] == c)
			return true;
	return false;
}

static void
intersect(Region *g, const Region *h)
{
	if (h->lo > g->lo || (h->lo == g->lo && h->lo_open))
		g->lo = h->lo, g->lo_open = h->lo_open;
	if (h->hi < g->hi || (h->hi == g->hi && h->hi_open))
		g->hi = h->hi, g->hi_open = h->hi_open;
	for (int i = 0; i < h->nex && g->nex < MAX_EXCLUDED; i++)
		g->ex[g->nex++] = h->ex[i];
	if (!g->lo_open && excluded(g, g->lo))
		g->lo_open = true;
	if (!g->hi_open && excluded(g, g->hi))
		g->hi_open = true;
}

static bool
region_empty(const Region *g)
{
	return g->lo > g->hi || (g->lo == g->hi && (g->lo_open || g->hi_open));
}

/* A condition as what its `and`ed comparisons allow, one region per
 * expression; parts that are not such comparisons are left out, which
 * only ever allows more. */
typedef struct Conj {
	Region g[MAX_ATOMS];
	int n;
} Conj;

static void
conj_add(const Rules *r, Conj *k, const Node *n)
{
	if (n->kind == N_BINARY && n->op == OP_AND) {
		conj_add(r, k, n->a);
		conj_add(r, k, n->b);
		return;
	}
	Region g;
	if (!atom(r, n, &g))
		return;
	for (int i = 0; i < k->n; i++)
		if (same(k->g[i].x, g.x)) {
			intersect(&k->g[i], &g);
			return;
		}
	if (k->n < MAX_ATOMS)
		k->g[k->n++] = g;
}

static bool
conj_empty(const Conj *k)
{
	for (int i = 0; i < k->n; i++)
		if (region_empty(&k->g[i]))
			return true;
	return false;
}

/* Whether every number region a allows is allowed by b (same x). */
static bool
within(const Region *a, const Region *b)
{
	for (int i = 0; i < b->nex; i++) {
		double c = b->ex[i];
		bool in_a = (c > a->lo || (c == a->lo && !a->lo_open)) &&
			(c < a->hi || (c == a->hi && !a->hi_open));
		if (in_a && !excluded(a, c))
			return false;
	}
	bool lo_ok = a->lo > b->lo || (a->lo == b->lo && (a->lo_open || !b->lo_open));
	bool hi_ok = a->hi < b->hi || (a->hi == b->hi && (a->hi_open || !b->hi_open));
	return lo_ok && hi_ok;
}

/* Whether condition a can hold only where b holds too (a decidable
 * part of it: false means "not shown", not "no"). */
static bool
implies(const Rules *r, const Node *a, const Node *b)
{
	if (same(a, b))
		return true;
	if (a->kind == N_BINARY && a->op == OP_OR)
		return implies(r, a->a, b) && implies(r, a->b, b);
	if (b->kind == N_BINARY && b->op == OP_AND)
		return implies(r, a, b->a) && implies(r, a, b->b);
	if (b->kind == N_BINARY && b->op == OP_OR)
		return implies(r, a, b->a) || implies(r, a, b->b);
	Region g;
	if (atom(r, b, &g)) {
		Conj k;
		k.n = 0;
		conj_add(r, &k, a);
		for (int i = 0; i < k.n; i++)
			if (same(k.g[i].x, g.x))
				return within(&k.g[i], &g);
		return false;
	}
	if (a->kind == N_BINARY && a->op == OP_AND)
		return implies(r, a->a, b) || implies(r, a->b, b);
	return false;
}

static Known
truth(const Rules *r, const Node *n)	/* NULL: no condition, always true */
{
	if (!n)
		return K_TRUE;
	Const c = lint_fold(r, n);
	if (!c.known) {
		Conj k;
		k.n = 0;
		conj_add(r, &k, n);
		return conj_empty(&k) ? K_FALSE : K_UNKNOWN;
	}
	return c.num ? K_TRUE : K_FALSE;
}

/* Warnings that change what check and plan answer, kept apart from the
 * tidiness ones (unused declarations) that only lint shows. */
#define NEVER_CHOSEN(d, loc, ...) diag_warning_about(d, "never-chosen", NULL, NULL, loc, __VA_ARGS__)
#define NEVER_APPLIES(d, loc, ...) diag_warning_about(d, "never-applies", NULL, NULL, loc, __VA_ARGS__)

static void
cond_text(Buf *b, const Node *n)	/* `if > 200` says what it compares */
{
	Buf t = {0};
	print_expr(&t, n);
	if (strchr("<>=!", buf_cstr(&t)[0]))
		buf_puts(b, "headcount ");
	buf_put(b, t.p, t.len);
	buf_free(&t);
}

/* An amount with a condition that a later alternative's condition
 * covers: never chosen, since the last alternative that holds wins.
 * The alternatives after it are looked at up to a window, so a rule of
 * thousands of them stays linear. */
enum { LINT_WINDOW = 256 };
static void
hidden(Rules *r, const Stmt *s, const Node *cond, Loc loc, int from, const char *what)
{
	int end = from + LINT_WINDOW < s->nclauses ? from + LINT_WINDOW : s->nclauses;
	for (int j = from; j < end; j++) {
		const Node *later = s->clauses[j].cond;
		if (!later || !implies(r, cond, later))
			continue;
		Buf a = {0}, b = {0};
		cond_text(&a, cond);
		cond_text(&b, later);
		if (same(cond, later))
			NEVER_CHOSEN(r->diag, loc, "%s is never chosen: a later alternative has the same condition (%s), and the last alternative that holds wins",
				     what, buf_cstr(&b));
		else
			NEVER_CHOSEN(r->diag, loc, "%s is never chosen: whenever %s holds, so does %s, a later alternative's condition, and the last alternative that holds wins; list thresholds in increasing order",
				     what, buf_cstr(&a), buf_cstr(&b));
		buf_free(&a);
		buf_free(&b);
		return;
	}
}

static void
lint_rule(Rules *r, const Stmt *s)
{
	Diag *d = r->diag;
	Known first = truth(r, s->cond);
	if (s->form != R_SUGAR) {
		if (first == K_FALSE)
			NEVER_APPLIES(d, s->cond->loc, "this rule never applies: its condition is always false");
		return;
	}
	/* the last alternative that always holds hides everything before it */
	int always = -1;
	bool any = first != K_FALSE;
	for (int i = 0; i < s->nclauses; i++) {
		const Clause *c = &s->clauses[i];
		if (!c->cond) {
			any = true;
			continue;
		}
		Known k = truth(r, c->cond);
		if (k == K_FALSE)
			NEVER_CHOSEN(d, c->cond->loc, "this alternative is never chosen: its condition is always false");
		else
			any = true;
		if (k == K_TRUE)
			always = i;
	}
	if (!any) {
		NEVER_APPLIES(d, s->cond->loc, "this rule never applies: its condition is always false");
		return;
	}
	if (always >= 0) {
		NEVER_CHOSEN(d, s->amt.loc, "this amount is never chosen: a later alternative always holds");
		for (int i = 0; i < always; i++)
			if (s->clauses[i].cond && truth(r, s->clauses[i].cond) != K_FALSE)
				NEVER_CHOSEN(d, s->clauses[i].loc, "this alternative is never chosen: a later one always holds");
	} else {
		/* the first amount loses to any alternative that holds, an
		 * alternative to a later one */
		if (s->cond && first != K_FALSE)
			hidden(r, s, s->cond, s->amt.loc, 0, _("this amount"));
		for (int i = 0; i < s->nclauses; i++) {
			const Clause *c = &s->clauses[i];
			if (c->cond && truth(r, c->cond) != K_FALSE)
				hidden(r, s, c->cond, c->loc, i + 1, _("this alternative"));
		}
	}
	for (int i = 0; i < s->nclauses; i++) {
		const Clause *c = &s->clauses[i];
		if (c->cond)
			continue;
		if (always >= 0)
			NEVER_CHOSEN(d, c->loc, "'else' is never used: a previous alternative always holds");
		else if (first == K_TRUE)
			NEVER_CHOSEN(d, c->loc, "'else' is never used: the first amount has no condition that can fail, so it applies whenever no alternative does");
	}
}

static void
lint_stmts(Rules *r, const StmtList *l)
{
	for (const Stmt *s = l->head; s; s = s->next) {
		switch (s->kind) {
		case S_INCLUDE:
			lint_stmts(r, &s->body);
			break;
		case S_SCOPE:
			if (truth(r, s->cond) == K_FALSE)
				NEVER_APPLIES(r->diag, s->cond->loc,
					      "the rules of scope '%s' never apply: its condition is always false",
					      s->name.name);
			lint_stmts(r, &s->body);
			break;
		case S_RULE:
			lint_rule(r, s);
			break;
		default:
			break;
		}
	}
}

/* A role no rule sets keeps its count: a pool of it places no one, a
 * transfer of it moves no one.  A group: any of its roles. */
static bool
role_set(const Rules *r, int sym)
{
	const Program *p = &r->prog;
	const Sym *t = &r->syms[sym];
	int one = t->index;
	const int *roles = t->kind == SYM_GROUP ? p->groups[t->index].roles : &one;
	int n = t->kind == SYM_GROUP ? p->groups[t->index].nroles : 1;
	for (int i = 0; i < p->nrules; i++)
		for (int j = 0; j < n; j++)
			if (p->rules[i].role == roles[j])
				return true;
	return false;
}

static void
lint_plan(Rules *r)
{
	for (const Stmt *s = r->plan_stmts; s; s = s->next_plan) {
		if (s->kind == S_POOL) {
			if (truth(r, s->cond) == K_FALSE)
				NEVER_APPLIES(r->diag, s->cond->loc,
					      "pool '%s' never places anyone: its condition is always false",
					      s->name.name);
			else if (!role_set(r, s->target.sym))
				NEVER_APPLIES(r->diag, s->target.loc,
					      "pool '%s' never places anyone: no rule sets the count of '%s', and a count no rule sets is kept as it is",
					      s->name.name, s->target.name);
		} else if (s->kind == S_TRANSFER) {
			for (int i = 0; i < s->nitems; i++)
				if (!role_set(r, s->items[i].sym))
					NEVER_APPLIES(r->diag, s->items[i].loc,
						      "no '%s' ever moves: no rule sets its count, and a count no rule sets is kept as it is",
						      s->items[i].name);
		}
	}
}

/* The first number attribute expression x reads, or NULL. */
static const char *
num_attr(const Program *p, int x)
{
	for (int i = 0; x >= 0 && i < p->exprs[x].len; i++) {
		const Insn *in = &p->code[p->exprs[x].start + i];
		if (in->op == I_ATTR && p->attrs[in->arg].type == T_NUM)
			return p->attrs[in->arg].name;
	}
	return NULL;
}

/* `if > 30` compares the headcount: in a rule that reads a number
 * attribute (or in a scope whose condition does), the writer may have
 * meant it; lint says so (`if headcount > 30` says it is meant). */
static void
lint_implicit(Rules *r)
{
	const Program *p = &r->prog;
	for (int i = 0; i < p->nrules; i++) {
		const Rule *u = &p->rules[i];
		const char *attr = num_attr(p, u->qty);
		attr = attr ? attr : num_attr(p, u->e1);
		for (int s = u->scope; s >= 0 && !attr; s = p->scopes[s].parent)
			attr = num_attr(p, p->scopes[s].cond);
		if (!attr)
			continue;
		int x = u->cond;
		for (int k = 0; x < 0 || !p->exprs[x].implicit; k++) {
			if (u->form != R_SUGAR || k >= u->nclauses) {
				x = -1;
				break;
			}
			x = p->clauses[u->clause0 + k].cond;
		}
		if (x >= 0)
			diag_warning(r->diag, u->loc, "'if %s' compares the unit's headcount (the sum of every role), "
				     "not an attribute: write 'if headcount %s' if that is meant, or 'if %s %s'",
				     p->exprs[x].text, p->exprs[x].text, attr, p->exprs[x].text);
	}
}

void
lint_warnings(Rules *r, bool tidy)
{
	for (int k = 0; tidy && k < r->nsyms; k++) {
		const Sym *s = &r->syms[k];
		if (s->used || s->kind == SYM_KIND || s->kind == SYM_RULE)
			continue;
		if (s->kind == SYM_ROLE && r->uses_headcount)
			continue;	/* it counts in headcount */
		diag_warning(r->diag, s->loc, "%s '%s' is declared but no rule uses it", sym_kind_name(s->kind), s->name);
	}
	lint_stmts(r, &r->top);
	lint_plan(r);
	if (tidy)
		lint_implicit(r);
	if (!r->prog.nrules) {	/* a failed export must not pass CI */
		Loc top = {1, 1, 1, 1, 0};
		diag_warning_about(r->diag, "no-rules", NULL, NULL, top,
				   "this file has no rules: nothing is checked");
	}
}
