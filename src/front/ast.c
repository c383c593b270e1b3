/* ast.c: tree constructors, called from the grammar's actions. */
#include "ast.h"

#include <string.h>

const char *
op_text(Op op)
{
	static const char *const t[] = {
		[OP_ADD] = "+", [OP_SUB] = "-", [OP_MUL] = "*", [OP_DIV] = "/",
		[OP_NEG] = "-", [OP_NOT] = "not", [OP_AND] = "and",
		[OP_OR] = "or", [OP_EQ] = "==", [OP_NE] = "!=", [OP_LT] = "<",
		[OP_LE] = "<=", [OP_GT] = ">", [OP_GE] = ">=", [OP_IN] = "in",
		[OP_UNION] = "|", [OP_INTER] = "&",
	};
	return t[op];
}

static Node *
ast_node(Arena *a, NodeKind kind, Loc loc)
{
	Node *n = arena_alloc(a, sizeof *n);
	n->kind = kind;
	n->loc = loc;
	n->sym = -1;
	n->depth = 1;
	return n;
}

static void
below(Node *n, const Node *child)	/* n is a parent of child */
{
	if (child && child->depth + 1 > n->depth)
		n->depth = child->depth + 1;
}

Node *
ast_num(Arena *a, Loc loc, double v, const char *text)
{
	Node *n = ast_node(a, N_NUM, loc);
	n->num = v;
	n->text = arena_strdup(a, text);
	return n;
}

Node *
ast_str(Arena *a, Loc loc, const char *s)
{
	Node *n = ast_node(a, N_STR, loc);
	n->text = arena_strdup(a, s);
	return n;
}

Node *
ast_bool(Arena *a, Loc loc, bool v)
{
	Node *n = ast_node(a, N_BOOL, loc);
	n->num = v;
	return n;
}

Node *
ast_name(Arena *a, Loc loc, const char *name)
{
	Node *n = ast_node(a, N_NAME, loc);
	n->text = arena_strdup(a, name);
	return n;
}

Node *
ast_unary(Arena *a, Loc loc, Op op, Node *x)
{
	Node *n = ast_node(a, N_UNARY, loc);
	n->op = op;
	n->a = x;
	below(n, x);
	return n;
}

Node *
ast_binary(Arena *a, Loc loc, Op op, Node *x, Node *y)
{
	Node *n = ast_node(a, N_BINARY, loc);
	n->op = op;
	n->a = x;
	n->b = y;
	below(n, x);
	below(n, y);
	return n;
}

/* The grammar collects arguments in a carrier node's args. */
/* Room for item n of an array of n items built only by these appends:
 * its capacity is the power of two at or above n, so a new block (twice
 * the size) is taken only when n is a power of two, and a list of n
 * items costs O(n) of the arena, not O(n^2). */
static void *
grow(Arena *a, void *v, int n, size_t size)
{
	if (n && (n & (n - 1)))
		return v;	/* room left */
	void *w = arena_alloc(a, (size_t)(n ? 2 * n : 1) * size);
	if (n)
		memcpy(w, v, (size_t)n * size);
	return w;
}

Node *
ast_append_arg(Arena *a, Node *list, Node *x)
{
	if (!list)
		list = ast_node(a, N_SET, x->loc);
	list->args = grow(a, list->args, list->nargs, sizeof *list->args);
	list->args[list->nargs++] = x;
	below(list, x);
	return list;
}

Node *
ast_call(Arena *a, Loc loc, const char *name, Node *args)
{
	Node *n = ast_node(a, N_CALL, loc);
	n->text = arena_strdup(a, name);
	if (args) {
		n->args = args->args;
		n->nargs = args->nargs;
		below(n, args);
	}
	return n;
}

Node *
ast_list(Arena *a, Loc loc, bool desc, const char *proj, Loc proj_loc,
	 Node *where)
{
	Node *n = ast_node(a, N_LIST, loc);
	n->desc = desc;
	n->proj = proj ? arena_strdup(a, proj) : NULL;
	n->proj_loc = proj_loc;
	n->where = where;
	below(n, where);
	return n;
}

Node *
ast_set(Arena *a, Loc loc, Node *items)
{
	Node *n = ast_node(a, N_SET, loc);
	if (items) {
		n->args = items->args;
		n->nargs = items->nargs;
	}
	return n;
}

Stmt *
ast_stmt(Arena *a, StmtKind kind, Loc loc)
{
	Stmt *s = arena_alloc(a, sizeof *s);
	s->kind = kind;
	s->loc = loc;
	s->incl_file = -1;
	s->per.kind_sym = -1;
	s->scope_index = -1;
	return s;
}

Ident *
ast_append_ident(Arena *a, Ident *v, int n, Ident id)
{
	Ident *w = grow(a, v, n, sizeof *w);
	w[n] = id;
	return w;
}

Clause *
ast_append_clause(Arena *a, Clause *v, int n, Clause c)
{
	Clause *w = grow(a, v, n, sizeof *w);
	w[n] = c;
	return w;
}

void
stmts_append(StmtList *l, Stmt *s)
{
	s->next = NULL;
	if (l->tail)
		l->tail->next = s;
	else
		l->head = s;
	l->tail = s;
}
