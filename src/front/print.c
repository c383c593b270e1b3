/* print.c: the canonical text of expressions and rules.  fmt writes it,
 * and reports quote it, so a rule reads the same however it was typed.
 * The author's parentheses are kept: they parse back to the same tree. */
#include "print.h"

void
print_str(Buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

void
print_expr(Buf *b, const Node *n)
{
	if (n->paren)
		buf_putc(b, '(');
	switch (n->kind) {
	case N_NUM:
		buf_puts(b, n->text);
		break;
	case N_STR:
		print_str(b, n->text);
		break;
	case N_BOOL:
		buf_puts(b, n->num ? "true" : "false");
		break;
	case N_SET:
		buf_putc(b, '{');
		for (int i = 0; i < n->nargs; i++) {
			if (i)
				buf_puts(b, ", ");
			print_str(b, n->args[i]->text);
		}
		buf_putc(b, '}');
		break;
	case N_NAME:
		for (int i = 0; i < n->ups; i++)
			buf_puts(b, "parent.");
		buf_puts(b, n->text);
		break;
	case N_UNARY:
		buf_puts(b, n->op == OP_NOT ? "not " : "-");
		print_expr(b, n->a);
		break;
	case N_BINARY:
		if (!(n->a->kind == N_NAME && n->a->implicit)) {
			print_expr(b, n->a);
			buf_putc(b, ' ');
		}
		buf_puts(b, op_text(n->op));
		buf_putc(b, ' ');
		print_expr(b, n->b);
		break;
	case N_CALL:
		buf_puts(b, n->text);
		buf_putc(b, '(');
		for (int i = 0; i < n->nargs; i++) {
			if (i)
				buf_puts(b, ", ");
			print_expr(b, n->args[i]);
		}
		buf_putc(b, ')');
		break;
	case N_LIST:
		buf_puts(b, n->desc ? "descendants" : n->from == LIST_PARENT ? "parent.children"
			 : n->from == LIST_SIBLINGS ? "siblings" : "children");
		if (n->proj)
			buf_printf(b, ".%s", n->proj);
		if (n->where) {
			buf_puts(b, " where ");
			print_expr(b, n->where);
		}
		break;
	}
	if (n->paren)
		buf_putc(b, ')');
}

void
print_amount(Buf *b, const Amount *a)
{
	switch (a->kind) {
	case AM_EXACT: buf_puts(b, a->lo_text); break;
	case AM_ATLEAST: buf_printf(b, "at least %s", a->lo_text); break;
	case AM_ATMOST: buf_printf(b, "at most %s", a->lo_text); break;
	case AM_RANGE: buf_printf(b, "%s..%s", a->lo_text, a->hi_text); break;
	}
}

static void
print_per(Buf *b, const Per *p)
{
	switch (p->kind) {
	case PER_NONE:
		return;
	case PER_NAME:
		buf_puts(b, " per ");
		break;
	case PER_RATIO:
		buf_puts(b, " per ");
		if (p->n_text)
			buf_printf(b, "%s ", p->n_text);
		break;
	case PER_SPAN:
		buf_printf(b, " per %s..%s ", p->a_text, p->b_text);
		break;
	}
	print_expr(b, p->qty);
}

void
print_rule_body(Buf *b, const Stmt *s)
{
	static const char *const core[] = {
		[R_EQ] = " = ", [R_GE] = " >= ", [R_LE] = " <= ", [R_IN] = " in ",
	};
	if (s->form == R_SUGAR) {
		print_amount(b, &s->amt);
		buf_printf(b, " %s", s->target.name);
		print_per(b, &s->per);
	} else if (s->form == R_ASSERT) {
		buf_puts(b, "assert ");
		print_expr(b, s->e1);
	} else {
		buf_puts(b, s->target.name);
		buf_puts(b, core[s->form]);
		print_expr(b, s->e1);
		if (s->e2) {
			buf_puts(b, " .. ");
			print_expr(b, s->e2);
		}
	}
	if (s->cond) {
		buf_puts(b, " if ");
		print_expr(b, s->cond);
	}
	for (int i = 0; i < s->nclauses; i++) {
		const Clause *c = &s->clauses[i];
		buf_puts(b, c->cond ? ", " : ", else ");
		print_amount(b, &c->amt);
		if (c->cond) {
			buf_puts(b, " if ");
			print_expr(b, c->cond);
		}
	}
}

void
print_plan_stmt(Buf *b, const Stmt *s)
{
	switch (s->kind) {
	case S_POOL:
		buf_printf(b, "pool %s", s->name.name);
		if (s->label) {
			buf_putc(b, ' ');
			print_str(b, s->label);
		}
		buf_puts(b, ": ");
		print_amount(b, &s->amt);
		buf_printf(b, " %s", s->target.name);
		if (s->cond) {
			buf_puts(b, " where ");
			print_expr(b, s->cond);
		}
		break;
	case S_TRANSFER:
		buf_puts(b, s->surplus ? "transfer surplus " : "transfer ");
		for (int i = 0; i < s->nitems; i++)
			buf_printf(b, "%s%s", i ? ", " : "", s->items[i].name);
		for (int i = 0; i < s->nwithin; i++)
			buf_printf(b, "%s%s", i ? ", " : " within ", s->within[i].name);
		break;
	default:
		buf_printf(b, "budget %s%s <= %s", s->total ? "total " : "", s->name.name, s->amt.lo_text);
		break;
	}
}
