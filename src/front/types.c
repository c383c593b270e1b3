/* types.c: the type of every expression of a rule, and the names it
 * uses resolved, so that `tutor > "x"` fails before any data is read. */
#include "types.h"
#include "msg.h"
#include "builtins.h"

#include <string.h>

#include "symtab.h"

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
		if (sym_is_builtin(name))
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
		return s->type;
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

void
check_want(Rules *r, Node *n, Type t, const char *what)
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
	if (!n || !r->nkinds)
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
				buf_printf(&b, "%s%s", b.len ? ", " : _("; the kinds are "), r->syms[i].name);
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
	    sym_is_builtin(word->text) || !strcmp(word->text, "headcount") || !strcmp(word->text, "id") ||
	    !strcmp(word->text, "name") || !strcmp(word->text, "kind") || !strcmp(word->text, "parent"))
		return false;
	const char *hint = suggest(r, word->text, M(SYM_ROLE) | M(SYM_GROUP) | M(SYM_ATTR) | M(SYM_KIND), true);
	diag_error(r->diag, word->loc, "unknown name '%s'%s%s to compare with the text %s, write it in quotes: \"%s\"",
		   word->text, hint, *hint ? " Or," : ";", word->text, word->text);
	return true;
}

/* t when both operands are of type t; else the error fmt, which names
 * the operator and the two types. */
static Type
operands(Rules *r, const Node *n, Type a, Type b, Type t, const char *fmt)
{
	if (a == t && b == t)
		return t;
	diag_error(r->diag, n->loc, fmt, op_text(n->op), type_name(a), type_name(b));
	return T_ERR;
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
		return operands(r, n, a, b, T_BOOL, _("'%s' joins two conditions (true or false), found %s and %s"));
	case OP_ADD:
	case OP_MUL:
	case OP_DIV:
		if (n->op == OP_ADD && a == T_SET && b == T_SET) {
			diag_error(r->diag, n->loc, "sets are joined with '|', not '+'");
			return T_ERR;
		}
		return operands(r, n, a, b, T_NUM, _("'%s' needs two numbers, found %s and %s"));
	case OP_SUB:
		if (a == T_SET && b == T_SET)
			return T_SET;
		return operands(r, n, a, b, T_NUM, _("'%s' needs two numbers or two sets, found %s and %s"));
	case OP_UNION:
	case OP_INTER:
		return operands(r, n, a, b, T_SET, _("'%s' needs two sets, found %s and %s"));
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
			   n->op == OP_LE ? _(" (or two sets)") : "");
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
		check_want(r, n->where, T_BOOL, _("the condition after 'where'"));
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
	const Builtin *bf = builtin_find(f);
	bool agg = bf && bf->form == FN_LIST, minmax = bf && bf->form == FN_COMPARE;
	bool size = bf && bf->form == FN_SIZE;
	if (!bf) {
		int k = sym_find(r, f);
		const char *fn = sym_closest_function(f);
		const char *hint = fn ? arena_printf(&r->arena, _("; did you mean '%s'?"), fn) : "";
		if (k >= 0)
			diag_error(r->diag, n->loc, "'%s' is %s, not a function", f,
				   sym_kind_a(r->syms[k].kind));
		else
			diag_error(r->diag, n->loc, "unknown function '%s'%s", f, hint);
		return T_ERR;
	}
	if (bad)
		return T_ERR;
	if (agg || (minmax && na == 1 && is_list(t[0]))) {
		if (na != 1 || !is_list(t[0])) {
			diag_error(r->diag, n->loc,
				   "'%s' takes one list: children, descendants, parent.children or siblings, "
				   "like %s(children.headcount)",
				   f, f);
			return T_ERR;
		}
		if (strcmp(f, "count") != 0 && t[0] != T_LIST_NUM) {
			diag_error(r->diag, n->args[0]->loc,
				   "'%s' needs numbers: name one after the dot, like %s.headcount",
				   f, n->args[0]->desc ? "descendants" : n->args[0]->from == LIST_PARENT ? "parent.children"
				   : n->args[0]->from == LIST_SIBLINGS ? "siblings" : "children");
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
			   size ? _("set") : _("number"), n->nargs);
		return T_ERR;
	}
	if (t[0] != need) {
		diag_error(r->diag, n->args[0]->loc, "'%s' needs %s, but this is %s", f,
			   type_name(need), type_name(t[0]));
		return T_ERR;
	}
	return T_NUM;
}

Type
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
