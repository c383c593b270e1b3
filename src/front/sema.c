/* sema.c: semantic analysis.  Declares every name (one namespace), then
 * resolves each name a rule uses and gives every expression its type, so
 * that `tutor > "x"` fails before any data is read. */
#include "sema.h"
#include "msg.h"
#include "symtab.h"
#include "types.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- pass 1: declarations ---- */

static void
declare_all(Rules *r, StmtList *l)
{
	for (Stmt *s = l->head; s; s = s->next) {
		int k = -1;
		switch (s->kind) {
		case S_KIND:
			for (int i = 0; i < s->nitems; i++)
				if (sym_declare(r, s->items[i], SYM_KIND, r->nkinds) >= 0)
					r->nkinds++;
			break;
		case S_ROLE:
			if ((k = sym_declare(r, s->name, SYM_ROLE, r->nroles)) >= 0)
				r->nroles++;
			break;
		case S_GROUP:
			if ((k = sym_declare(r, s->name, SYM_GROUP, r->ngroups)) >= 0)
				r->ngroups++;
			break;
		case S_ATTR:
			if ((k = sym_declare(r, s->name, SYM_ATTR, r->nattrs)) >= 0) {
				r->nattrs++;
				r->syms[k].type = s->attr_type;
			}
			break;
		case S_RULE:
			if (s->has_id)
				sym_declare(r, s->name, SYM_RULE, -1);
			break;
		case S_INCLUDE:
		case S_SCOPE:
			declare_all(r, &s->body);
			break;
		case S_POOL:
		case S_TRANSFER:
		case S_BUDGET:
			break;
		}
		if (k >= 0)
			r->syms[k].stmt = s;
	}
}

/* A group adds roles: each member is resolved once every role is known. */
static void
resolve_groups(Rules *r, StmtList *l)
{
	for (Stmt *s = l->head; s; s = s->next) {
		if (s->kind == S_INCLUDE || s->kind == S_SCOPE) {
			resolve_groups(r, &s->body);
			continue;
		}
		if (s->kind != S_GROUP)
			continue;
		for (int i = 0; i < s->nitems; i++) {
			Ident *m = &s->items[i];
			int k = sym_find(r, m->name);
			m->sym = -1;
			if (k < 0) {
				diag_error(r->diag, m->loc, "unknown role '%s' in group '%s'%s",
					   m->name, s->name.name, suggest(r, m->name, M(SYM_ROLE), false));
				continue;
			}
			r->syms[k].used = true;
			if (r->syms[k].kind != SYM_ROLE) {
				diag_error(r->diag, m->loc,
					   "a group adds up roles, and '%s' is %s", m->name,
					   sym_kind_a(r->syms[k].kind));
				continue;
			}
			m->sym = k;
		}
	}
}

/* ---- pass 2: statements ---- */

static void
check_cond(Rules *r, Node *n, const char *what)
{
	Type t = check_expr(r, n);
	if (t == T_ERR || t == T_BOOL)
		return;
	if (t == T_NUM)
		diag_error(r->diag, n->loc, "%s must be true or false, but this is a number; did you mean '... > 0'?",
			   what);
	else
		diag_error(r->diag, n->loc, "%s must be true or false, but this is %s", what,
			   type_name(t));
}

static void
check_amount(Rules *r, const Amount *a, const Per *per)
{
	if (a->kind == AM_RANGE && a->lo > a->hi)
		diag_error(r->diag, a->loc, "the range %s..%s goes backwards; write %s..%s",
			   a->lo_text, a->hi_text, a->hi_text, a->lo_text);
	if (per->kind == PER_SPAN && (a->kind == AM_ATLEAST || a->kind == AM_ATMOST))
		diag_error(r->diag, a->loc,
			   "a span of control ('per %s..%s') needs an exact amount or a range, not '%s'",
			   per->a_text, per->b_text, a->kind == AM_ATLEAST ? "at least" : "at most");
}

static void
check_quantity(Rules *r, Node *q)
{
	Type t = check_expr(r, q);
	if (t != T_ERR && t != T_NUM)
		diag_error(r->diag, q->loc,
			   "'per' needs a kind or a number (a role, a group, a number attribute, headcount), but '%s' is %s",
			   diag_text(r->diag, q->loc, &r->arena), type_name(t));
}

static void
check_per(Rules *r, Per *per)
{
	switch (per->kind) {
	case PER_NONE:
		return;
	case PER_NAME: {
		Node *q = per->qty;
		int k = sym_find(r, q->text);
		if (k >= 0 && r->syms[k].kind == SYM_KIND) {
			r->syms[k].used = true;
			per->kind_sym = k;
			return;
		}
		if (k < 0 && strcmp(q->text, "headcount") != 0) {
			diag_error(r->diag, q->loc, "unknown kind or quantity '%s' after 'per'%s",
				   q->text, suggest(r, q->text, M(SYM_KIND) | M(SYM_ROLE) | M(SYM_GROUP) | M(SYM_ATTR), false));
			q->type = T_ERR;
			return;
		}
		check_quantity(r, q);
		return;
	}
	case PER_RATIO:
		if (per->n_text && per->n == 0)
			diag_error(r->diag, per->loc, "'per 0 ...' would divide by zero; the number after 'per' must be above 0");
		check_quantity(r, per->qty);
		return;
	case PER_SPAN:
		if (per->a == 0)
			diag_error(r->diag, per->loc, "a span of control starts above 0: 'per 0..%s' would divide by zero",
				   per->b_text);
		else if (per->a > per->b)
			diag_error(r->diag, per->loc, "the span %s..%s goes backwards; write %s..%s",
				   per->a_text, per->b_text, per->b_text, per->a_text);
		check_quantity(r, per->qty);
		return;
	}
}

static void
check_target(Rules *r, Ident *t)
{
	int k = sym_find(r, t->name);
	if (k < 0) {
		diag_error(r->diag, t->loc, "unknown role '%s'%s", t->name,
			   suggest(r, t->name, M(SYM_ROLE), false));
		return;
	}
	Sym *s = &r->syms[k];
	s->used = true;
	t->sym = k;
	if (s->kind == SYM_ROLE)
		return;
	if (s->kind == SYM_GROUP) {
		const Stmt *g = s->stmt;
		int n = 0;
		for (int i = 0; i < g->nitems; i++)
			n += g->items[i].sym >= 0;
		Buf b = {0};
		for (int i = 0, j = 0; i < g->nitems; i++)
			if (g->items[i].sym >= 0) {
				buf_printf(&b, "%s'%s'", j ? (j + 1 == n ? _(" or ") : ", ") : "", g->items[i].name);
				j++;
			}
		diag_error(r->diag, t->loc, "'%s' is a group; a rule sets the count of one role%s%s%s",
			   t->name, b.len ? " (" : "", b.len ? b.p : "", b.len ? ")" : "");
		buf_free(&b);
		return;
	}
	diag_error(r->diag, t->loc, "'%s' is %s, not a role; a rule sets the count of a role",
		   t->name, sym_kind_a(s->kind));
}

static void
sema_rule(Rules *r, Stmt *s)
{
	if (s->form == R_ASSERT) {	/* no role: a check on the data */
		check_cond(r, s->e1, _("the condition after 'assert'"));
		if (s->cond)
			check_cond(r, s->cond, _("the condition after 'if'"));
		return;
	}
	check_target(r, &s->target);
	if (s->cond)
		check_cond(r, s->cond, _("the condition after 'if'"));
	if (s->form != R_SUGAR) {
		const char *what = s->form == R_IN ? _("the lower end") : _("the right side");
		check_want(r, s->e1, T_NUM, what);
		if (s->e2)
			check_want(r, s->e2, T_NUM, _("the upper end"));
		return;
	}
	check_per(r, &s->per);
	check_amount(r, &s->amt, &s->per);
	int elses = 0;
	for (int i = 0; i < s->nclauses; i++) {
		Clause *c = &s->clauses[i];
		check_amount(r, &c->amt, &s->per);
		if (c->cond) {
			check_cond(r, c->cond, _("the condition after 'if'"));
			if (elses)
				diag_error(r->diag, c->loc, "'else' must be the last alternative of a rule");
		} else if (elses++) {
			diag_error(r->diag, c->loc, "a rule has at most one 'else'");
		}
	}
}

/* The role a transfer moves, or the role or group (group: true) a pool
 * places: false when it is not one (said). */
static bool
plan_role(Rules *r, Ident *id, const char *what, bool group)
{
	int k = sym_find(r, id->name);
	id->sym = -1;
	if (k < 0) {
		diag_error(r->diag, id->loc, "unknown role '%s'%s", id->name,
			   suggest(r, id->name, M(SYM_ROLE) | (group ? M(SYM_GROUP) : 0), false));
		return false;
	}
	r->syms[k].used = true;
	if (r->syms[k].kind != SYM_ROLE && (!group || r->syms[k].kind != SYM_GROUP)) {
		diag_error(r->diag, id->loc, "%s, and '%s' is %s", what, id->name, sym_kind_a(r->syms[k].kind));
		return false;
	}
	id->sym = k;
	return true;
}

static void
sema_pool(Rules *r, Stmt *s)
{
	for (Stmt *o = r->plan_stmts; o; o = o->next_plan)
		if (o->kind == S_POOL && !strcmp(o->name.name, s->name.name))
			diag_error(r->diag, s->name.loc, "there is already a pool '%s', on line %d",
				   s->name.name, o->loc.first_line);
	const Amount *a = &s->amt;
	if (a->kind == AM_ATLEAST || a->kind == AM_RANGE)
		diag_error(r->diag, a->loc,
			   "a pool holds a number of people: write '%s %s' or 'at most %s %s'",
			   a->lo_text, s->target.name, a->kind == AM_RANGE ? a->hi_text : a->lo_text,
			   s->target.name);
	else if (a->lo != floor(a->lo))
		diag_error(r->diag, a->loc, "a pool holds whole people, not %s", a->lo_text);
	else if (a->lo > 1e7)
		diag_error(r->diag, a->loc, "a pool holds at most 10000000 people, not %s", a->lo_text);
	plan_role(r, &s->target, _("a pool places people of a role or a group of roles"), true);
	if (s->cond)
		check_cond(r, s->cond, _("the condition after 'where'"));
}

static void
check_transfer(Rules *r, Stmt *s)
{
	for (int i = 0; i < s->nitems; i++) {
		Ident *id = &s->items[i];
		if (!plan_role(r, id, _("a transfer moves staff of roles"), false))
			continue;
		for (Stmt *o = r->plan_stmts; o; o = o->next_plan)
			for (int j = 0; o->kind == S_TRANSFER && j < o->nitems; j++)
				if (o->items[j].sym == id->sym) {
					diag_error(r->diag, id->loc,
						   "'%s' may already move, on line %d; a role moves within one kind of group",
						   id->name, o->loc.first_line);
					goto next;
				}
		for (int j = 0; j < i; j++)
			if (s->items[j].sym == id->sym)
				diag_error(r->diag, id->loc, "'%s' is listed twice", id->name);
	next:;
	}
	if (s->nwithin > TRANSFER_MAX_WITHIN)
		diag_error(r->diag, s->within[TRANSFER_MAX_WITHIN].loc,
			   "staff move within at most %d attributes", TRANSFER_MAX_WITHIN);
	for (int i = 0; i < s->nwithin && i < TRANSFER_MAX_WITHIN; i++) {
		Ident *id = &s->within[i];
		const char *w = id->name;
		for (int j = 0; j < i; j++)
			if (!strcmp(s->within[j].name, w))
				diag_error(r->diag, id->loc, "'%s' is listed twice", w);
		if (!strcmp(w, "all")) {
			if (s->nwithin > 1)
				diag_error(r->diag, id->loc, "'all' stands alone: staff move anywhere, or within values");
			continue;
		}
		if (!strcmp(w, "parent"))
			continue;
		int k = sym_find(r, w);
		if (k < 0 || r->syms[k].kind != SYM_ATTR) {
			diag_error(r->diag, id->loc,
				   "staff move within an attribute's value, 'parent' or 'all', and '%s' is %s%s", w,
				   k < 0 ? _("not declared") : r->syms[k].kind == SYM_ROLE ? _("a role") :
				   r->syms[k].kind == SYM_GROUP ? _("a group") : _("a kind"),
				   k < 0 ? suggest(r, w, M(SYM_ATTR), false) : "");
			continue;
		}
		r->syms[k].used = true;
		id->sym = k;
		if (r->syms[k].type == T_SET)
			diag_error(r->diag, id->loc,
				   "'%s' is a set; staff move within the value of a text or number attribute", w);
	}
}

static void
check_budget(Rules *r, Stmt *s)
{
	const char *w = s->name.name;
	if (strcmp(w, "cost") && strcmp(w, "headcount")) {
		diag_error(r->diag, s->name.loc, "a budget limits 'cost' or 'headcount', not '%s'", w);
		return;
	}
	for (Stmt *o = r->plan_stmts; o; o = o->next_plan)
		if (o->kind == S_BUDGET && !strcmp(o->name.name, w))
			diag_error(r->diag, s->loc, "there is already a %s budget, on line %d", w,
				   o->loc.first_line);
	if (!strcmp(w, "cost")) {
		bool costs = false;
		for (int k = 0; k < r->nsyms; k++)
			costs |= r->syms[k].kind == SYM_ROLE && r->syms[k].stmt->cost_text;
		if (!costs)
			diag_error(r->diag, s->name.loc,
				   "a cost budget needs roles with a cost ('role NAME cost N'), and no role has one");
	}
}

static void
check_plan_stmt(Rules *r, Stmt *s, int scope)
{
	static const char *const what[] = {N_("a pool"), N_("a transfer"), N_("a budget")};
	if (scope >= 0) {
		diag_error(r->diag, s->loc,
			   "%s plans the whole organisation: write it outside any scope%s",
			   _(what[s->kind - S_POOL]), s->kind == S_POOL ? _(" (its 'where' says which units)") : "");
		return;
	}
	if (s->kind == S_POOL)
		sema_pool(r, s);
	else if (s->kind == S_TRANSFER)
		check_transfer(r, s);
	else
		check_budget(r, s);
	*r->plan_tail = s;
	r->plan_tail = &s->next_plan;
}

static void
check_stmts(Rules *r, StmtList *l, int scope)
{
	for (Stmt *s = l->head; s; s = s->next) {
		switch (s->kind) {
		case S_INCLUDE:
			check_stmts(r, &s->body, scope);
			break;
		case S_SCOPE: {
			for (int i = 0; i < r->nscopes; i++)
				if (strcmp(r->scopes[i]->name.name, s->name.name) == 0)
					diag_error(r->diag, s->name.loc, "there is already a scope '%s', on line %d",
						   s->name.name, r->scopes[i]->loc.first_line);
			check_cond(r, s->cond, _("the condition after 'where'"));
			vec_grow((void **)&r->scopes, r->nscopes, &r->capscopes, sizeof *r->scopes);
			s->scope_index = r->nscopes;
			r->scopes[r->nscopes++] = s;
			check_stmts(r, &s->body, s->scope_index);
			break;
		}
		case S_RULE:
			s->scope_index = scope;
			sema_rule(r, s);
			if (++r->nrules_seen == SEMA_MAX_RULES + 1)
				diag_error(r->diag, s->loc, "more than %d rules; coplan holds at most that many",
					   SEMA_MAX_RULES);
			break;
		case S_POOL:
		case S_TRANSFER:
		case S_BUDGET:
			check_plan_stmt(r, s, scope);
			break;
		default:
			break;
		}
	}
}

int
sema_check(Rules *r)
{
	int before = r->diag->errors;
	declare_all(r, &r->top);
	if (r->nroles > SEMA_MAX_ROLES) {
		diag_plain(r->diag, "more than %d roles; coplan holds at most that many", SEMA_MAX_ROLES);
		return r->diag->errors - before;
	}
	resolve_groups(r, &r->top);
	r->plan_tail = &r->plan_stmts;
	check_stmts(r, &r->top, -1);
	return r->diag->errors - before;
}
