/* compile.c: the checked syntax tree becomes a Program (program.h):
 * flat postfix code per expression, tables of roles, scopes and rules. */
#include "compile.h"
#include "builtins.h"
#include "load.h"
#include "print.h"
#include "sema.h"

#include <stdlib.h>
#include <string.h>

/* One expression's code, built apart so that the expressions nested in
 * it (aggregate filters and projections) can be finished first. */
typedef struct Code {
	Insn *v;
	int n, cap;
} Code;

static void
emit(Code *c, Opcode op, int up, int arg)
{
	vec_grow((void **)&c->v, c->n, &c->cap, sizeof *c->v);
	c->v[c->n++] = (Insn){(unsigned char)op, (unsigned char)up, arg};
}

static int
num_const(Program *p, double v)
{
	for (int i = 0; i < p->nnums; i++)
		if (p->nums[i] == v)
			return i;
	vec_grow((void **)&p->nums, p->nnums, &p->capnums, sizeof *p->nums);
	p->nums[p->nnums] = v;
	return p->nnums++;
}

static int
cmp_index(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int
set_const(Program *p, const Node *n)
{
	int *items = arena_alloc(&p->arena, (size_t)(n->nargs + 1) * sizeof *items);
	int len = 0;
	for (int i = 0; i < n->nargs; i++)
		items[len++] = strtab_intern(p->strs, n->args[i]->text, strlen(n->args[i]->text));
	qsort(items, (size_t)len, sizeof *items, cmp_index);
	int k = 0;
	for (int i = 0; i < len; i++)	/* drop repeats */
		if (i == 0 || items[i] != items[k - 1])
			items[k++] = items[i];
	if (p->nsets == p->capsets) {
		p->capsets = p->capsets ? p->capsets * 2 : 16;
		p->sets = xrealloc(p->sets, (size_t)p->capsets * sizeof *p->sets);
		p->setlens = xrealloc(p->setlens, (size_t)p->capsets * sizeof *p->setlens);
	}
	p->sets[p->nsets] = items;
	p->setlens[p->nsets] = k;
	return p->nsets++;
}

static int compile_expr(Rules *r, const Node *n);
static void gen(Rules *r, Code *c, const Node *n);

static void
gen_name(Rules *r, Code *c, const Node *n)
{
	Program *p = &r->prog;
	const char *s = n->text;
	int up = n->ups;
	if (!strcmp(s, "headcount"))
		emit(c, I_HEADCOUNT, up, 0);
	else if (!strcmp(s, "id"))
		emit(c, I_ID, up, 0);
	else if (!strcmp(s, "name"))
		emit(c, I_NAME, up, 0);
	else if (!strcmp(s, "kind"))
		emit(c, I_KIND, up, 0);
	else if (!strcmp(s, "parent"))
		emit(c, I_PARENT, up, 0);
	else {
		const Sym *sym = &r->syms[n->sym];
		switch (sym->kind) {
		case SYM_ROLE: emit(c, I_ROLE, up, sym->index); break;
		case SYM_GROUP: emit(c, I_GROUP, up, sym->index); break;
		case SYM_ATTR: emit(c, I_ATTR, up, sym->index); break;
		case SYM_KIND: emit(c, I_STR, 0, strtab_intern(p->strs, s, strlen(s))); break;
		case SYM_RULE: break;	/* rejected by sema */
		}
	}
}

static int
add_loc(Program *p, Loc loc)	/* where an error at run time points */
{
	vec_grow((void **)&p->locs, p->nlocs, &p->caplocs, sizeof *p->locs);
	p->locs[p->nlocs] = loc;
	return p->nlocs++;
}

static void
gen_call(Rules *r, Code *c, const Node *n)
{
	Program *p = &r->prog;
	const char *f = n->text;
	const Builtin *fn = builtin_find(f);
	if (n->nargs == 1 && n->args[0]->kind == N_LIST) {
		const Node *l = n->args[0];
		Agg a = {AGG_COUNT, l->desc, l->from, -1, -1, NULL, add_loc(p, n->loc)};
		Buf t = {0};
		print_expr(&t, n);
		a.text = arena_strndup(&p->arena, t.p, t.len);
		buf_free(&t);
		if (fn && fn->agg >= 0)
			a.fn = (AggFn)fn->agg;
		if (l->where)
			a.filter = compile_expr(r, l->where);
		if (l->proj) {
			Node proj = {.kind = N_NAME, .text = l->proj, .sym = l->sym,
				     .type = T_NUM, .loc = l->proj_loc};
			a.proj = compile_expr(r, &proj);
		}
		vec_grow((void **)&p->aggs, p->naggs, &p->capaggs, sizeof *p->aggs);
		p->aggs[p->naggs] = a;
		emit(c, I_AGG, 0, p->naggs++);
		return;
	}
	for (int i = 0; i < n->nargs; i++)
		gen(r, c, n->args[i]);
	if (fn)
		emit(c, fn->op, 0, fn->form == FN_COMPARE ? n->nargs : fn->form == FN_MATH ? builtin_index(fn) : 0);
}

static void
gen_binary(Rules *r, Code *c, const Node *n)
{
	if (n->op == OP_AND || n->op == OP_OR) {	/* short-circuit */
		gen(r, c, n->a);
		int at = c->n;
		emit(c, n->op == OP_AND ? I_JFALSE : I_JTRUE, 0, 0);
		gen(r, c, n->b);
		c->v[at].arg = c->n;	/* relative to the expression's start */
		return;
	}
	gen(r, c, n->a);
	gen(r, c, n->b);
	Type t = n->a->type;
	Opcode op = I_ADD;
	switch (n->op) {
	case OP_ADD: op = I_ADD; break;
	case OP_SUB: op = t == T_SET ? I_DIFF : I_SUB; break;
	case OP_MUL: op = I_MUL; break;
	case OP_DIV: op = I_DIV; break;
	case OP_UNION: op = I_UNION; break;
	case OP_INTER: op = I_INTER; break;
	case OP_EQ: op = t == T_TEXT ? I_TEQ : t == T_SET ? I_SEQ : I_EQ; break;
	case OP_NE: op = t == T_TEXT ? I_TNE : t == T_SET ? I_SNE : I_NE; break;
	case OP_LT: op = I_LT; break;
	case OP_LE: op = t == T_SET ? I_SUBSET : I_LE; break;
	case OP_GT: op = I_GT; break;
	case OP_GE: op = I_GE; break;
	case OP_IN: op = I_IN; break;
	default: break;
	}
	int arg = 0;
	if (op == I_ADD || op == I_SUB || op == I_MUL || op == I_DIV)
		arg = add_loc(&r->prog, n->loc);
	emit(c, op, 0, arg);
}

static void
gen(Rules *r, Code *c, const Node *n)
{
	Program *p = &r->prog;
	switch (n->kind) {
	case N_NUM: emit(c, I_NUM, 0, num_const(p, n->num)); break;
	case N_STR: emit(c, I_STR, 0, strtab_intern(p->strs, n->text, strlen(n->text))); break;
	case N_BOOL: emit(c, I_NUM, 0, num_const(p, n->num)); break;
	case N_SET: emit(c, I_SET, 0, set_const(p, n)); break;
	case N_NAME: gen_name(r, c, n); break;
	case N_UNARY:
		gen(r, c, n->a);
		emit(c, n->op == OP_NOT ? I_NOT : I_NEG, 0, 0);
		break;
	case N_BINARY: gen_binary(r, c, n); break;
	case N_CALL: gen_call(r, c, n); break;
	case N_LIST: break;	/* only inside gen_call */
	}
}

static int
compile_expr(Rules *r, const Node *n)
{
	Program *p = &r->prog;
	Code c = {0};
	gen(r, &c, n);
	vec_grow((void **)&p->exprs, p->nexprs, &p->capexprs, sizeof *p->exprs);
	int start = p->ncode;
	for (int i = 0; i < c.n; i++) {
		vec_grow((void **)&p->code, p->ncode, &p->capcode, sizeof *p->code);
		p->code[p->ncode++] = c.v[i];
	}
	free(c.v);
	Buf t = {0};
	print_expr(&t, n);
	bool implicit = n->kind == N_BINARY && n->a->kind == N_NAME && n->a->implicit;
	p->exprs[p->nexprs] = (Expr){start, c.n, n->type, arena_strndup(&p->arena, t.p, t.len), implicit};
	buf_free(&t);
	return p->nexprs++;
}

static int
add_clause(Program *p, const Amount *a, int cond, bool is_else, Loc loc)
{
	vec_grow((void **)&p->clauses, p->nclauses, &p->capclauses, sizeof *p->clauses);
	p->clauses[p->nclauses] = (RClause){a->kind, a->lo, a->hi, cond, is_else, loc};
	return p->nclauses++;
}

static int
file_index(Program *p, const char *path)
{
	for (int i = 0; i < p->nfiles; i++)
		if (!strcmp(p->files[i], strcmp(path, "-") ? path : "<stdin>"))
			return i;
	p->files = xrealloc(p->files, (size_t)(p->nfiles + 1) * sizeof *p->files);
	p->files[p->nfiles] = strcmp(path, "-") ? path : "<stdin>";	/* as messages say it */
	return p->nfiles++;
}

static void
compile_rule(Rules *r, const Stmt *s)
{
	Program *p = &r->prog;
	Rule u = {0};
	u.id = s->has_id ? s->name.name : NULL;
	u.label = s->label;
	Buf b = {0};
	print_rule_body(&b, s);
	u.text = arena_strndup(&p->arena, b.p, b.len);
	buf_free(&b);
	u.file = file_index(p, r->diag->files[s->loc.file].path);
	u.line = s->loc.first_line;
	u.loc = s->loc;
	u.loc.last_line = u.loc.first_line;	/* the caret under its first line */
	u.should = s->sev == SEV_SHOULD;
	u.role = s->form == R_ASSERT ? -1 : r->syms[s->target.sym].index;
	u.scope = s->scope_index;
	u.kind = -1;
	u.form = s->form;
	u.qty = u.e1 = u.e2 = u.cond = -1;
	if (s->form == R_SUGAR) {
		u.per = s->per.kind == PER_NAME ? PER_RATIO : s->per.kind;
		if (s->per.kind_sym >= 0) {
			u.per = PER_NONE;
			u.kind = r->syms[s->per.kind_sym].index;
		}
		u.n = s->per.n_text ? s->per.n : 1;
		u.a = s->per.a;
		u.b = s->per.b;
		if (u.per != PER_NONE)
			u.qty = compile_expr(r, s->per.qty);
		u.clause0 = add_clause(p, &s->amt, s->cond ? compile_expr(r, s->cond) : -1, false, s->amt.loc);
		for (int i = 0; i < s->nclauses; i++) {
			const Clause *c = &s->clauses[i];
			add_clause(p, &c->amt, c->cond ? compile_expr(r, c->cond) : -1, !c->cond, c->loc);
		}
		u.nclauses = 1 + s->nclauses;
	} else {
		u.e1 = compile_expr(r, s->e1);
		if (s->e2)
			u.e2 = compile_expr(r, s->e2);
		if (s->cond)
			u.cond = compile_expr(r, s->cond);
	}
	vec_grow((void **)&p->rules, p->nrules, &p->caprules, sizeof *p->rules);
	p->rules[p->nrules++] = u;
}

/* The tables of names, in the order sema numbered them. */
static void
compile_decls(Rules *r, const StmtList *l)
{
	Program *p = &r->prog;
	for (const Stmt *s = l->head; s; s = s->next) {
		switch (s->kind) {
		case S_KIND:
			for (int i = 0; i < s->nitems; i++) {
				vec_grow((void **)&p->kinds, p->nkinds, &p->capkinds, sizeof *p->kinds);
				p->kinds[p->nkinds++] = strtab_intern(p->strs, s->items[i].name,
								      strlen(s->items[i].name));
			}
			break;
		case S_ROLE:
			vec_grow((void **)&p->roles, p->nroles, &p->caproles, sizeof *p->roles);
			p->roles[p->nroles++] = (Role){s->name.name, s->label,
				s->grade.name, s->cost, s->cost_text != NULL};
			break;
		case S_GROUP: {
			int *roles = arena_alloc(&p->arena, (size_t)s->nitems * sizeof *roles);
			for (int i = 0; i < s->nitems; i++)
				roles[i] = r->syms[s->items[i].sym].index;
			vec_grow((void **)&p->groups, p->ngroups, &p->capgroups, sizeof *p->groups);
			p->groups[p->ngroups++] = (Group){s->name.name, roles, s->nitems};
			break;
		}
		case S_ATTR:
			vec_grow((void **)&p->attrs, p->nattrs, &p->capattrs, sizeof *p->attrs);
			p->attrs[p->nattrs++] = (Attr){s->name.name, s->attr_type, false};
			break;
		case S_INCLUDE:
		case S_SCOPE:
			compile_decls(r, &s->body);
			break;
		case S_RULE:
		case S_POOL:
		case S_TRANSFER:
		case S_BUDGET:
			break;
		}
	}
}

/* A pool, a transfer or a budget: what plan may do beyond a unit. */
static void
compile_plan_stmt(Rules *r, const Stmt *s)
{
	Program *p = &r->prog;
	int file = file_index(p, r->diag->files[s->loc.file].path), line = s->loc.first_line;
	switch (s->kind) {
	case S_POOL: {
		int n = 1, *roles = arena_alloc(&p->arena, sizeof *roles);
		const Sym *t = &r->syms[s->target.sym];
		*roles = t->index;
		if (t->kind == SYM_GROUP)	/* each person as one of its roles */
			roles = p->groups[t->index].roles, n = p->groups[t->index].nroles;
		vec_grow((void **)&p->pools, p->npools, &p->cappools, sizeof *p->pools);
		p->pools[p->npools++] = (Pool){.name = s->name.name, .label = s->label, .what = s->target.name,
			.roles = roles, .nroles = n, .n = s->amt.lo, .at_most = s->amt.kind == AM_ATMOST,
			.cond = s->cond ? compile_expr(r, s->cond) : -1, .file = file, .line = line,
			.loc = s->name.loc};
		break;
	}
	case S_TRANSFER: {
		int *roles = arena_alloc(&p->arena, (size_t)s->nitems * sizeof *roles);
		for (int i = 0; i < s->nitems; i++)
			roles[i] = r->syms[s->items[i].sym].index;
		Transfer t = {.roles = roles, .nroles = s->nitems, .surplus = s->surplus, .file = file, .line = line};
		for (int i = 0; i < s->nwithin && i < TRANSFER_MAX_WITHIN; i++)
			t.within[t.nwithin++] = !strcmp(s->within[i].name, "all") ? WITHIN_ALL :
				!strcmp(s->within[i].name, "parent") ? WITHIN_PARENT : r->syms[s->within[i].sym].index;
		vec_grow((void **)&p->transfers, p->ntransfers, &p->captransfers, sizeof *p->transfers);
		p->transfers[p->ntransfers++] = t;
		break;
	}
	default:
		p->budget[strcmp(s->name.name, "cost") ? BUDGET_HEADCOUNT : BUDGET_COST] =
			(Budget){true, s->amt.lo, file, line, s->total, s->amt.lo};
		break;
	}
}

static void
compile_stmts(Rules *r, const StmtList *l, int scope)
{
	Program *p = &r->prog;
	for (const Stmt *s = l->head; s; s = s->next) {
		switch (s->kind) {
		case S_INCLUDE:
			compile_stmts(r, &s->body, scope);
			break;
		case S_SCOPE:
			vec_grow((void **)&p->scopes, p->nscopes, &p->capscopes, sizeof *p->scopes);
			p->scopes[p->nscopes++] = (Scope){s->name.name, s->label, scope,
				compile_expr(r, s->cond), file_index(p, r->diag->files[s->loc.file].path),
				s->loc.first_line, s->name.loc};
			compile_stmts(r, &s->body, s->scope_index);
			break;
		case S_RULE:
			compile_rule(r, s);
			break;
		case S_POOL:
		case S_TRANSFER:
		case S_BUDGET:
			compile_plan_stmt(r, s);
			break;
		default:
			break;
		}
	}
}

void
compile_program(Rules *r)
{
	r->prog.strs = &r->strs;
	strtab_intern(&r->strs, "", 0);	/* at STR_EMPTY */
	compile_decls(r, &r->top);
	compile_stmts(r, &r->top, -1);
	for (int k = 0; k < r->nsyms; k++)
		if (r->syms[k].kind == SYM_ATTR)
			r->prog.attrs[r->syms[k].index].used = r->syms[k].used;
	r->prog.needs = prog_needs(&r->prog);
	for (int t = 0; t < r->prog.ntransfers; t++)
		for (int i = 0; i < r->prog.transfers[t].nwithin; i++)
			r->prog.needs.hierarchy |= r->prog.transfers[t].within[i] == WITHIN_PARENT;
}

static int
check_and_compile(Rules *r, int errors)
{
	if (errors == 0)	/* a broken file would only add echoes */
		errors += sema_check(r);
	if (errors == 0)
		compile_program(r);
	return errors;
}

int
rules_compile(Rules *r, const char *path)
{
	return check_and_compile(r, rules_load(r, path));
}

int
rules_compile_text(Rules *r, const char *path, const char *text, size_t len)
{
	return check_and_compile(r, rules_load_text(r, path, text, len));
}

void
rules_free(Rules *r)
{
	prog_free(&r->prog);
	strtab_free(&r->strs);
	arena_free(&r->arena);
	free(r->syms);
	hash_free(&r->hash);
	free(r->scopes);
	r->syms = NULL;
	r->nsyms = r->capsyms = 0;
}
