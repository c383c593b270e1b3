/* lint.c: the warnings of SPEC §4.5 on a checked rules file: unused
 * declarations, rules that can never apply, amounts never chosen.
 * Conditions are folded where they use no unit data at all. */
#include "rules.h"

#include <string.h>

typedef enum { K_UNKNOWN, K_FALSE, K_TRUE } Known;

typedef struct Const {
	bool known;
	Type type;
	double num;		/* numbers, booleans */
	const char *text;
} Const;

static Const
fold(const Rules *r, const Node *n)
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
		Const a = fold(r, n->a);
		if (!a.known)
			return u;
		c.num = n->op == OP_NOT ? !a.num : -a.num;
		return c;
	}
	case N_BINARY: {
		Const a = fold(r, n->a), b = fold(r, n->b);
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

static Known
truth(const Rules *r, const Node *n)	/* NULL: no condition, always true */
{
	if (!n)
		return K_TRUE;
	Const c = fold(r, n);
	if (!c.known)
		return K_UNKNOWN;
	return c.num ? K_TRUE : K_FALSE;
}

static void
lint_rule(Rules *r, const Stmt *s)
{
	Diag *d = r->diag;
	Known first = truth(r, s->cond);
	if (s->form != R_SUGAR) {
		if (first == K_FALSE)
			diag_warning(d, s->cond->loc, "this rule never applies: its condition is always false");
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
			diag_warning(d, c->cond->loc, "this alternative is never chosen: its condition is always false");
		else
			any = true;
		if (k == K_TRUE)
			always = i;
	}
	if (!any) {
		diag_warning(d, s->cond->loc, "this rule never applies: its condition is always false");
		return;
	}
	if (always >= 0) {
		diag_warning(d, s->amt.loc, "this amount is never chosen: a later alternative always holds");
		for (int i = 0; i < always; i++)
			if (s->clauses[i].cond && truth(r, s->clauses[i].cond) != K_FALSE)
				diag_warning(d, s->clauses[i].loc, "this alternative is never chosen: a later one always holds");
	}
	for (int i = 0; i < s->nclauses; i++) {
		const Clause *c = &s->clauses[i];
		if (c->cond)
			continue;
		if (always >= 0)
			diag_warning(d, c->loc, "'else' is never used: a previous alternative always holds");
		else if (first == K_TRUE)
			diag_warning(d, c->loc, "'else' is never used: the first amount has no condition that can fail, so it applies whenever no alternative does");
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
				diag_warning(r->diag, s->cond->loc,
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

void
lint_warnings(Rules *r)
{
	for (int k = 0; k < r->nsyms; k++) {
		const Sym *s = &r->syms[k];
		if (s->used || s->kind == SYM_KIND || s->kind == SYM_RULE)
			continue;
		if (s->kind == SYM_ROLE && r->uses_headcount)
			continue;	/* it counts in headcount */
		diag_warning(r->diag, s->loc, "%s '%s' is declared but no rule uses it",
			     s->kind == SYM_ATTR ? "attribute" : sym_kind_name(s->kind), s->name);
	}
	lint_stmts(r, &r->top);
}
