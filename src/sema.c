/* sema.c: semantic analysis.  Declares every name (one namespace), then
 * resolves each name a rule uses and gives every expression its type, so
 * that `tutor > "x"` fails before any data is read. */
#include "sema.h"

#include <stdlib.h>
#include <string.h>

#define M(k) (1u << (k))

static const char *const builtin_names[] = {
	"headcount", "id", "name", "kind", "parent",
};
static const char *const function_names[] = {
	"count", "sum", "min", "max", "avg", "ceil", "floor", "round", "abs",
	"size",
};
#define NELEM(a) (int)(sizeof(a) / sizeof((a)[0]))

const char *
sym_kind_name(SymKind k)
{
	static const char *const n[] = {
		[SYM_KIND] = "kind", [SYM_ROLE] = "role", [SYM_GROUP] = "group",
		[SYM_ATTR] = "attribute", [SYM_RULE] = "rule id",
	};
	return n[k];
}

int
sym_find(const Rules *r, const char *name)
{
	if (!r->hcap)
		return -1;
	for (unsigned i = str_hash(name) & (unsigned)(r->hcap - 1);; i = (i + 1) & (unsigned)(r->hcap - 1)) {
		int k = r->hash[i];
		if (k < 0)
			return -1;
		if (strcmp(r->syms[k].name, name) == 0)
			return k;
	}
}

static void
rehash(Rules *r)
{
	int cap = r->hcap ? r->hcap * 2 : 64;
	free(r->hash);
	r->hash = xmalloc((size_t)cap * sizeof *r->hash);
	for (int i = 0; i < cap; i++)
		r->hash[i] = -1;
	r->hcap = cap;
	for (int k = 0; k < r->nsyms; k++) {
		unsigned i = str_hash(r->syms[k].name) & (unsigned)(cap - 1);
		while (r->hash[i] >= 0)
			i = (i + 1) & (unsigned)(cap - 1);
		r->hash[i] = k;
	}
}

static bool
is_builtin(const char *name)
{
	for (int i = 0; i < NELEM(builtin_names); i++)
		if (strcmp(name, builtin_names[i]) == 0)
			return true;
	for (int i = 0; i < NELEM(function_names); i++)
		if (strcmp(name, function_names[i]) == 0)
			return true;
	return false;
}

/* Declares a name; -1 (and an error) when it is taken. */
static int
declare(Rules *r, Ident id, SymKind kind, int index)
{
	if (is_builtin(id.name)) {
		diag_error(r->diag, id.loc,
			   "'%s' is a built-in name of the rules language; choose another name for this %s",
			   id.name, sym_kind_name(kind));
		return -1;
	}
	int k = sym_find(r, id.name);
	if (k >= 0) {
		Sym *s = &r->syms[k];
		diag_error(r->diag, id.loc, "'%s' is already declared as a %s on line %d%s%s",
			   id.name, sym_kind_name(s->kind), s->loc.first_line,
			   s->loc.file == id.loc.file ? "" : " of ",
			   s->loc.file == id.loc.file ? "" : r->diag->files[s->loc.file].path);
		return -1;
	}
	if (r->nsyms == r->capsyms) {
		r->capsyms = r->capsyms ? r->capsyms * 2 : 64;
		r->syms = xrealloc(r->syms, (size_t)r->capsyms * sizeof *r->syms);
	}
	r->syms[r->nsyms] = (Sym){id.name, kind, index, id.loc, false};
	r->nsyms++;
	if (r->nsyms * 2 > r->hcap)
		rehash(r);
	else {
		unsigned i = str_hash(id.name) & (unsigned)(r->hcap - 1);
		while (r->hash[i] >= 0)
			i = (i + 1) & (unsigned)(r->hcap - 1);
		r->hash[i] = r->nsyms - 1;
	}
	return r->nsyms - 1;
}


static const char *
name_at(const void *names, int i)	/* for closest_name */
{
	return ((const char *const *)names)[i];
}

const char *
suggest(Rules *r, const char *name, unsigned kinds, bool builtins)
{
	int cap = suggest_cap(name), best = cap + 1;
	const char *pick = NULL;
	for (int k = 0; k < r->nsyms; k++) {
		if (!(kinds & M(r->syms[k].kind)))
			continue;
		int d = edit_distance(name, r->syms[k].name, cap);
		if (d < best)
			best = d, pick = r->syms[k].name;
	}
	if (builtins)
		for (int i = 0; i < NELEM(builtin_names); i++) {
			int d = edit_distance(name, builtin_names[i], cap);
			if (d < best)
				best = d, pick = builtin_names[i];
		}
	if (!pick)
		return "";
	return arena_printf(&r->arena, "; did you mean '%s'?", pick);
}

/* ---- pass 1: declarations ---- */

static void
declare_all(Rules *r, StmtList *l)
{
	Program *p = &r->prog;
	for (Stmt *s = l->head; s; s = s->next) {
		switch (s->kind) {
		case S_KIND:
			for (int i = 0; i < s->nitems; i++) {
				if (declare(r, s->items[i], SYM_KIND, p->nkinds) < 0)
					continue;
				vec_grow((void **)&p->kinds, p->nkinds, &p->capkinds, sizeof *p->kinds);
				p->kinds[p->nkinds++] = strtab_intern(p->strs, s->items[i].name, strlen(s->items[i].name));
			}
			break;
		case S_ROLE:
			if (declare(r, s->name, SYM_ROLE, p->nroles) < 0)
				break;
			vec_grow((void **)&p->roles, p->nroles, &p->caproles, sizeof *p->roles);
			p->roles[p->nroles++] = (Role){s->name.name, s->label,
				s->grade.name, s->cost, s->cost_text != NULL};
			break;
		case S_GROUP:
			if (declare(r, s->name, SYM_GROUP, p->ngroups) < 0)
				break;
			vec_grow((void **)&p->groups, p->ngroups, &p->capgroups, sizeof *p->groups);
			p->groups[p->ngroups++] = (Group){s->name.name, NULL, 0};
			break;
		case S_ATTR:
			if (declare(r, s->name, SYM_ATTR, p->nattrs) < 0)
				break;
			vec_grow((void **)&p->attrs, p->nattrs, &p->capattrs, sizeof *p->attrs);
			p->attrs[p->nattrs++] = (Attr){s->name.name, s->attr_type, false};
			break;
		case S_RULE:
			if (s->has_id)
				declare(r, s->name, SYM_RULE, -1);
			break;
		case S_INCLUDE:
		case S_SCOPE:
			declare_all(r, &s->body);
			break;
		}
	}
}

/* A group adds roles; resolved once every role is known. */
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
		int g = sym_find(r, s->name.name);
		Group *grp = g >= 0 && r->syms[g].kind == SYM_GROUP
			? &r->prog.groups[r->syms[g].index] : NULL;
		if (grp && grp->roles)	/* a duplicate declaration */
			grp = NULL;
		int *roles = arena_alloc(&r->prog.arena, (size_t)s->nitems * sizeof *roles);
		int n = 0;
		for (int i = 0; i < s->nitems; i++) {
			Ident *m = &s->items[i];
			int k = sym_find(r, m->name);
			if (k < 0) {
				diag_error(r->diag, m->loc, "unknown role '%s' in group '%s'%s",
					   m->name, s->name.name, suggest(r, m->name, M(SYM_ROLE), false));
				continue;
			}
			r->syms[k].used = true;
			if (r->syms[k].kind != SYM_ROLE) {
				diag_error(r->diag, m->loc,
					   "a group adds up roles, and '%s' is a %s", m->name,
					   sym_kind_name(r->syms[k].kind));
				continue;
			}
			roles[n++] = r->syms[k].index;
		}
		if (grp) {
			grp->roles = roles;
			grp->nroles = n;
		}
	}
}

/* ---- pass 2: expressions ---- */

static Type
list_of(Type t)
{
	switch (t) {
	case T_NUM: return T_LIST_NUM;
	case T_TEXT: return T_LIST_TEXT;
	case T_SET: return T_LIST_SET;
	case T_BOOL: return T_LIST_BOOL;
	default: return T_ERR;
	}
}

static bool
is_list(Type t)
{
	return t == T_UNITS || t == T_LIST_NUM || t == T_LIST_TEXT ||
		t == T_LIST_SET || t == T_LIST_BOOL;
}

/* The type of a unit's name: a role, group, attribute or built-in. */
static Type
name_type(Rules *r, const char *name, Loc loc, int *sym, bool allow_kind)
{
	*sym = -1;
	if (strcmp(name, "headcount") == 0) {
		r->uses_headcount = true;
		return T_NUM;
	}
	if (!strcmp(name, "id") || !strcmp(name, "name") || !strcmp(name, "kind") ||
	    !strcmp(name, "parent"))
		return T_TEXT;
	int k = sym_find(r, name);
	if (k < 0) {
		if (is_builtin(name))
			diag_error(r->diag, loc, "'%s' is a function: write %s(...)", name, name);
		else
			diag_error(r->diag, loc, "unknown name '%s'%s", name,
				   suggest(r, name, M(SYM_ROLE) | M(SYM_GROUP) | M(SYM_ATTR) | M(SYM_KIND), true));
		return T_ERR;
	}
	Sym *s = &r->syms[k];
	s->used = true;
	*sym = k;
	switch (s->kind) {
	case SYM_ROLE:
	case SYM_GROUP:
		return T_NUM;
	case SYM_ATTR:
		return r->prog.attrs[s->index].type;
	case SYM_KIND:
		if (allow_kind)
			return T_TEXT;
		diag_error(r->diag, loc, "'%s' is a kind, a fixed text: it cannot follow '.'", name);
		return T_ERR;
	case SYM_RULE:
		break;
	}
	diag_error(r->diag, loc, "'%s' is a rule id, not a value", name);
	return T_ERR;
}

static Type check_expr(Rules *r, Node *n);

static void
want(Rules *r, Node *n, Type t, const char *what)
{
	Type got = check_expr(r, n);
	if (got != T_ERR && got != t)
		diag_error(r->diag, n->loc, "%s must be %s, but this is %s", what,
			   type_name(t), type_name(got));
}

static bool
is_kind(const Node *n)	/* kind, parent.kind, ... */
{
	return n->kind == N_NAME && !strcmp(n->text, "kind");
}

/* A text compared with a unit's kind must be a declared kind:
 * a typo would silently match no unit. */
static void
check_kind_text(Rules *r, const Node *n)
{
	if (!n || !r->prog.nkinds)
		return;
	if (n->kind == N_SET) {
		for (int i = 0; i < n->nargs; i++)
			check_kind_text(r, n->args[i]);
		return;
	}
	if (n->kind == N_BINARY && (n->op == OP_UNION || n->op == OP_INTER)) {
		check_kind_text(r, n->a);
		check_kind_text(r, n->b);
		return;
	}
	if (n->kind != N_STR)
		return;
	int k = sym_find(r, n->text);
	if (k >= 0 && r->syms[k].kind == SYM_KIND)
		return;
	const char *hint = suggest(r, n->text, M(SYM_KIND), false);
	if (!*hint) {
		Buf b = {0};
		for (int i = 0; i < r->nsyms; i++)
			if (r->syms[i].kind == SYM_KIND)
				buf_printf(&b, "%s%s", b.len ? ", " : "; the kinds are ", r->syms[i].name);
		hint = arena_printf(&r->arena, "%s", buf_cstr(&b));
		buf_free(&b);
	}
	diag_error(r->diag, n->loc, "\"%s\" is not a declared kind, so no unit would match%s", n->text, hint);
}

/* A bare word that names nothing, compared with a text: most likely a
 * text without its quotes (`unit_type == icu`). */
static bool
unquoted_text(Rules *r, const Node *word, Type other)
{
	if (other != T_TEXT || word->kind != N_NAME || word->ups || sym_find(r, word->text) >= 0 ||
	    is_builtin(word->text) || !strcmp(word->text, "headcount") || !strcmp(word->text, "id") ||
	    !strcmp(word->text, "name") || !strcmp(word->text, "kind") || !strcmp(word->text, "parent"))
		return false;
	const char *hint = suggest(r, word->text, M(SYM_ROLE) | M(SYM_GROUP) | M(SYM_ATTR) | M(SYM_KIND), true);
	diag_error(r->diag, word->loc, "unknown name '%s'%s%s to compare with the text %s, write it in quotes: \"%s\"",
		   word->text, hint, *hint ? " Or," : ";", word->text, word->text);
	return true;
}

static Type
check_binary(Rules *r, Node *n)
{
	bool eq = n->op == OP_EQ || n->op == OP_NE;
	if (eq && n->b->kind == N_STR && unquoted_text(r, n->a, T_TEXT))
		return T_ERR;
	Type a = check_expr(r, n->a);
	if (eq && unquoted_text(r, n->b, a))
		return T_ERR;
	Type b = check_expr(r, n->b);
	if (a == T_ERR || b == T_ERR)
		return T_ERR;
	const char *op = op_text(n->op);
	switch (n->op) {
	case OP_AND:
	case OP_OR:
		if (a == T_BOOL && b == T_BOOL)
			return T_BOOL;
		diag_error(r->diag, n->loc, "'%s' joins two conditions (true or false), found %s and %s",
			   op, type_name(a), type_name(b));
		return T_ERR;
	case OP_ADD:
	case OP_MUL:
	case OP_DIV:
		if (a == T_NUM && b == T_NUM)
			return T_NUM;
		if (n->op == OP_ADD && a == T_SET && b == T_SET)
			diag_error(r->diag, n->loc, "sets are joined with '|', not '+'");
		else
			diag_error(r->diag, n->loc, "'%s' needs two numbers, found %s and %s",
				   op, type_name(a), type_name(b));
		return T_ERR;
	case OP_SUB:
		if (a == T_NUM && b == T_NUM)
			return T_NUM;
		if (a == T_SET && b == T_SET)
			return T_SET;
		diag_error(r->diag, n->loc, "'-' needs two numbers or two sets, found %s and %s",
			   type_name(a), type_name(b));
		return T_ERR;
	case OP_UNION:
	case OP_INTER:
		if (a == T_SET && b == T_SET)
			return T_SET;
		diag_error(r->diag, n->loc, "'%s' needs two sets, found %s and %s",
			   op, type_name(a), type_name(b));
		return T_ERR;
	case OP_EQ:
	case OP_NE:
		if (a == T_TEXT && b == T_TEXT)
			check_kind_text(r, is_kind(n->a) ? n->b : is_kind(n->b) ? n->a : NULL);
		if (a == b && !is_list(a))
			return T_BOOL;
		diag_error(r->diag, n->loc, "cannot compare %s with %s", type_name(a), type_name(b));
		return T_ERR;
	case OP_LE:
		if (a == T_SET && b == T_SET)
			return T_BOOL;
		/* fall through */
	case OP_LT:
	case OP_GT:
	case OP_GE:
		if (a == T_NUM && b == T_NUM)
			return T_BOOL;
		diag_error(r->diag, n->loc, "cannot compare %s with %s: '%s' needs two numbers%s",
			   type_name(a), type_name(b), op,
			   n->op == OP_LE ? " (or two sets)" : "");
		return T_ERR;
	case OP_IN:
		if (b != T_SET) {
			diag_error(r->diag, n->b->loc, "'in' needs a set on its right, like {\"A\", \"B\"}; this is %s",
				   type_name(b));
			return T_ERR;
		}
		if (a != T_TEXT) {
			diag_error(r->diag, n->a->loc, "a set holds texts, so 'in' needs a text on its left; this is %s",
				   type_name(a));
			return T_ERR;
		}
		if (is_kind(n->a))
			check_kind_text(r, n->b);
		return T_BOOL;
	default:
		break;
	}
	return T_ERR;
}

static Type
check_list(Rules *r, Node *n)
{
	if (n->where)
		want(r, n->where, T_BOOL, "the condition after 'where'");
	if (!n->proj)
		return T_UNITS;
	int sym;
	Type t = name_type(r, n->proj, n->proj_loc, &sym, false);
	n->sym = sym;
	return t == T_ERR ? T_ERR : list_of(t);
}

static Type
check_call(Rules *r, Node *n)
{
	const char *f = n->text;
	int na = n->nargs;	/* every argument typed, however many */
	Type *t = arena_alloc(&r->arena, (size_t)(na + 1) * sizeof *t);
	bool bad = false;
	for (int i = 0; i < na; i++)
		if ((t[i] = check_expr(r, n->args[i])) == T_ERR)
			bad = true;
	bool agg = !strcmp(f, "count") || !strcmp(f, "sum") || !strcmp(f, "avg");
	bool minmax = !strcmp(f, "min") || !strcmp(f, "max");
	bool math = !strcmp(f, "ceil") || !strcmp(f, "floor") || !strcmp(f, "round") ||
		!strcmp(f, "abs");
	bool size = !strcmp(f, "size");
	if (!agg && !minmax && !math && !size) {
		int k = sym_find(r, f);
		int fn = closest_name(f, NELEM(function_names), name_at, function_names, suggest_cap(f));
		const char *hint = fn < 0 ? "" : arena_printf(&r->arena, "; did you mean '%s'?", function_names[fn]);
		if (k >= 0)
			diag_error(r->diag, n->loc, "'%s' is a %s, not a function", f,
				   sym_kind_name(r->syms[k].kind));
		else
			diag_error(r->diag, n->loc, "unknown function '%s'%s", f, hint);
		return T_ERR;
	}
	if (bad)
		return T_ERR;
	if (agg || (minmax && na == 1 && is_list(t[0]))) {
		if (na != 1 || !is_list(t[0])) {
			diag_error(r->diag, n->loc,
				   "'%s' takes one list: children or descendants, like %s(children.headcount)",
				   f, f);
			return T_ERR;
		}
		if (strcmp(f, "count") != 0 && t[0] != T_LIST_NUM) {
			diag_error(r->diag, n->args[0]->loc,
				   "'%s' needs numbers: name one after the dot, like %s.headcount",
				   f, n->args[0]->desc ? "descendants" : "children");
			return T_ERR;
		}
		return T_NUM;
	}
	if (minmax) {
		for (int i = 0; i < na; i++)
			if (t[i] != T_NUM) {
				diag_error(r->diag, n->args[i]->loc,
					   "'%s' compares numbers, or takes one list; this is %s",
					   f, type_name(t[i]));
				return T_ERR;
			}
		return T_NUM;
	}
	Type need = size ? T_SET : T_NUM;
	if (na != 1) {
		diag_error(r->diag, n->loc, "'%s' takes one %s, found %d", f,
			   size ? "set" : "number", n->nargs);
		return T_ERR;
	}
	if (t[0] != need) {
		diag_error(r->diag, n->args[0]->loc, "'%s' needs %s, but this is %s", f,
			   type_name(need), type_name(t[0]));
		return T_ERR;
	}
	return T_NUM;
}

static Type
check_expr(Rules *r, Node *n)
{
	Type t = T_ERR;
	switch (n->kind) {
	case N_NUM: t = T_NUM; break;
	case N_STR: t = T_TEXT; break;
	case N_BOOL: t = T_BOOL; break;
	case N_SET: t = T_SET; break;
	case N_NAME: {
		int k = n->ups ? -1 : sym_find(r, n->text);
		if (k >= 0 && r->syms[k].kind == SYM_KIND) {
			r->syms[k].used = true;
			n->sym = k;
			t = T_TEXT;
			break;
		}
		t = name_type(r, n->text, n->loc, &n->sym, n->ups == 0);
		break;
	}
	case N_UNARY: {
		Type a = check_expr(r, n->a);
		Type need = n->op == OP_NOT ? T_BOOL : T_NUM;
		if (a == T_ERR)
			break;
		if (a != need)
			diag_error(r->diag, n->loc, "'%s' needs %s, found %s", op_text(n->op),
				   type_name(need), type_name(a));
		else
			t = need;
		break;
	}
	case N_BINARY: t = check_binary(r, n); break;
	case N_CALL: t = check_call(r, n); break;
	case N_LIST: t = check_list(r, n); break;
	}
	return n->type = t;
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
	if (s->kind == SYM_ROLE)
		return;
	if (s->kind == SYM_GROUP) {
		Group *g = &r->prog.groups[s->index];
		Buf b = {0};
		for (int i = 0; i < g->nroles; i++)
			buf_printf(&b, "%s'%s'", i ? (i + 1 == g->nroles ? " or " : ", ") : "",
				   r->prog.roles[g->roles[i]].name);
		diag_error(r->diag, t->loc, "'%s' is a group; a rule sets the count of one role%s%s%s",
			   t->name, b.len ? " (" : "", b.len ? b.p : "", b.len ? ")" : "");
		buf_free(&b);
		return;
	}
	diag_error(r->diag, t->loc, "'%s' is %s %s, not a role; a rule sets the count of a role",
		   t->name, s->kind == SYM_ATTR ? "an" : "a", sym_kind_name(s->kind));
}

static void
check_rule(Rules *r, Stmt *s)
{
	check_target(r, &s->target);
	if (s->cond)
		check_cond(r, s->cond, "the condition after 'if'");
	if (s->form != R_SUGAR) {
		const char *what = s->form == R_IN ? "the lower end" : "the right side";
		want(r, s->e1, T_NUM, what);
		if (s->e2)
			want(r, s->e2, T_NUM, "the upper end");
		return;
	}
	check_per(r, &s->per);
	check_amount(r, &s->amt, &s->per);
	int elses = 0;
	for (int i = 0; i < s->nclauses; i++) {
		Clause *c = &s->clauses[i];
		check_amount(r, &c->amt, &s->per);
		if (c->cond) {
			check_cond(r, c->cond, "the condition after 'if'");
			if (elses)
				diag_error(r->diag, c->loc, "'else' must be the last alternative of a rule");
		} else if (elses++) {
			diag_error(r->diag, c->loc, "a rule has at most one 'else'");
		}
	}
}

static void
check_stmts(Rules *r, StmtList *l, int scope)
{
	Program *p = &r->prog;
	for (Stmt *s = l->head; s; s = s->next) {
		switch (s->kind) {
		case S_INCLUDE:
			check_stmts(r, &s->body, scope);
			break;
		case S_SCOPE: {
			for (int i = 0; i < p->nscopes; i++)
				if (strcmp(p->scopes[i].name, s->name.name) == 0)
					diag_error(r->diag, s->name.loc, "there is already a scope '%s', on line %d",
						   s->name.name, p->scopes[i].line);
			check_cond(r, s->cond, "the condition after 'where'");
			vec_grow((void **)&p->scopes, p->nscopes, &p->capscopes, sizeof *p->scopes);
			s->scope_index = p->nscopes;
			p->scopes[p->nscopes++] = (Scope){s->name.name, s->label, scope, -1,
				s->loc.file, s->loc.first_line, s->name.loc};
			check_stmts(r, &s->body, s->scope_index);
			break;
		}
		case S_RULE:
			s->scope_index = scope;
			check_rule(r, s);
			if (++r->nrules_seen == SEMA_MAX_RULES + 1)
				diag_error(r->diag, s->loc, "more than %d rules; coplan holds at most that many",
					   SEMA_MAX_RULES);
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
	r->prog.strs = &r->strs;
	strtab_intern(&r->strs, "", 0);	/* at STR_EMPTY */
	declare_all(r, &r->top);
	if (r->prog.nroles > SEMA_MAX_ROLES) {
		diag_plain(r->diag, "more than %d roles; coplan holds at most that many", SEMA_MAX_ROLES);
		return r->diag->errors - before;
	}
	resolve_groups(r, &r->top);
	check_stmts(r, &r->top, -1);
	return r->diag->errors - before;
}
