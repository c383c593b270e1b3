/* dump.c: a readable listing of a compiled Program (`coplan lint --dump`),
 * so the compiler can be tested before anything runs the program. */
#include "dump.h"
#include "builtins.h"
#include "rule_text.h"
#include "print.h"

#include <string.h>

const char *const opcode_names[OPCODE_COUNT] = {
#define X(name, operands, doc) #name,
	OPCODES(X)
#undef X
};

const char *const opcode_operands[OPCODE_COUNT] = {
#define X(name, operands, doc) operands,
	OPCODES(X)
#undef X
};

static void
dump_num(Buf *b, double v)
{
	buf_printf(b, "%.15g", v);
}

static void
dump_insn(const Program *p, Buf *b, const Insn *in)
{
	if (in->op == I_MATH)	/* the function's name, as an opcode's */
		for (const char *c = builtins[in->arg].name; *c; c++)
			buf_putc(b, (char)(*c - 'a' + 'A'));
	else
		buf_puts(b, opcode_names[in->op]);
	if (in->up)
		buf_printf(b, "^%d", in->up);
	switch (opcode_operands[in->op][0]) {
	case 'k':
		buf_putc(b, ' ');
		if (in->op == I_NUM)
			dump_num(b, p->nums[in->arg]);
		else {
			buf_putc(b, '{');
			for (int i = 0; i < p->setlens[in->arg]; i++) {
				if (i)
					buf_puts(b, ", ");
				print_str(b, p->strs->text[p->sets[in->arg][i]]);
			}
			buf_putc(b, '}');
		}
		break;
	case 's':
		buf_putc(b, ' ');
		print_str(b, p->strs->text[in->arg]);
		break;
	case 'r': buf_printf(b, " %s", p->roles[in->arg].name); break;
	case 'g': buf_printf(b, " %s", p->groups[in->arg].name); break;
	case 'a':
		if (in->op == I_ATTR)
			buf_printf(b, " %s", p->attrs[in->arg].name);
		else {
			const Agg *g = &p->aggs[in->arg];
			buf_printf(b, " %s %s", builtin_agg_name(g->fn), g->desc ? "descendants" : g->from == LIST_PARENT ? "parent.children"
				   : g->from == LIST_SIBLINGS ? "siblings" : "children");
			if (g->proj >= 0)
				buf_printf(b, " value e%d", g->proj);
			if (g->filter >= 0)
				buf_printf(b, " where e%d", g->filter);
		}
		break;
	case 'j':
	case 'n':
		buf_printf(b, " %d", in->arg);
		break;
	}
}

void
prog_dump(const Program *p, Buf *b, bool locs)
{
	buf_printf(b, "kinds %d:", p->nkinds);
	for (int i = 0; i < p->nkinds; i++)
		buf_printf(b, " %s", p->strs->text[p->kinds[i]]);
	buf_printf(b, "\nroles %d:\n", p->nroles);
	for (int i = 0; i < p->nroles; i++) {
		const Role *r = &p->roles[i];
		buf_printf(b, "  r%d %s", i, r->name);
		if (r->label)
			buf_putc(b, ' '), print_str(b, r->label);
		if (r->grade)
			buf_printf(b, " grade %s", r->grade);
		if (r->has_cost)
			buf_puts(b, " cost "), dump_num(b, r->cost);
		buf_putc(b, '\n');
	}
	buf_printf(b, "groups %d:\n", p->ngroups);
	for (int i = 0; i < p->ngroups; i++) {
		buf_printf(b, "  g%d %s =", i, p->groups[i].name);
		for (int j = 0; j < p->groups[i].nroles; j++)
			buf_printf(b, " %s", p->roles[p->groups[i].roles[j]].name);
		buf_putc(b, '\n');
	}
	buf_printf(b, "attributes %d:\n", p->nattrs);
	for (int i = 0; i < p->nattrs; i++)
		buf_printf(b, "  a%d %s %s\n", i, p->attrs[i].name,
			   p->attrs[i].type == T_NUM ? "number" :
			   p->attrs[i].type == T_TEXT ? "text" : "set");
	buf_printf(b, "scopes %d:\n", p->nscopes);
	for (int i = 0; i < p->nscopes; i++) {
		const Scope *s = &p->scopes[i];
		buf_printf(b, "  s%d %s", i, s->name);
		if (s->label)
			buf_putc(b, ' '), print_str(b, s->label);
		if (s->parent >= 0)
			buf_printf(b, " in s%d", s->parent);
		buf_printf(b, " where e%d\n", s->cond);
		if (locs)
			buf_printf(b, "    at %s:%d\n", p->files[s->file], s->line);
	}
	buf_printf(b, "rules %d:\n", p->nrules);
	for (int i = 0; i < p->nrules; i++) {
		const Rule *u = &p->rules[i];
		buf_printf(b, "  #%d %s %s", i, u->should ? "should" : "must",
			   u->id ? u->id : "-");
		if (u->label)
			buf_putc(b, ' '), print_str(b, u->label);
		buf_printf(b, ": %s\n", u->text);
		if (locs)
			buf_printf(b, "    at %s:%d\n", p->files[u->file], u->line);
		buf_printf(b, "    role %s", u->role >= 0 ? prog_role_name(p, u->role) : "(assert)");
		if (u->scope >= 0)
			buf_printf(b, " scope s%d", u->scope);
		if (u->kind >= 0)
			buf_printf(b, " kind %s", p->strs->text[p->kinds[u->kind]]);
		buf_putc(b, '\n');
		if (u->form != R_SUGAR) {
			static const char *const f[] = {[R_EQ] = "=", [R_GE] = ">=",
				[R_LE] = "<=", [R_IN] = "in", [R_ASSERT] = "assert"};
			buf_printf(b, "    core %s e%d", f[u->form], u->e1);
			if (u->e2 >= 0)
				buf_printf(b, " .. e%d", u->e2);
			if (u->cond >= 0)
				buf_printf(b, " if e%d", u->cond);
			buf_putc(b, '\n');
			continue;
		}
		for (int j = 0; j < u->nclauses; j++) {
			const RClause *c = &p->clauses[u->clause0 + j];
			buf_puts(b, c->is_else ? "    else " : "    amount ");
			out_amount(b, c);
			if (c->cond >= 0)
				buf_printf(b, " if e%d", c->cond);
			buf_putc(b, '\n');
		}
		if (u->per == PER_RATIO) {
			buf_puts(b, "    per ");
			dump_num(b, u->n);
			buf_printf(b, " of e%d\n", u->qty);
		} else if (u->per == PER_SPAN) {
			buf_puts(b, "    span ");
			dump_num(b, u->a);
			buf_puts(b, "..");
			dump_num(b, u->b);
			buf_printf(b, " of e%d\n", u->qty);
		}
	}
	buf_printf(b, "expressions %d:\n", p->nexprs);
	for (int i = 0; i < p->nexprs; i++) {
		const Expr *e = &p->exprs[i];
		buf_printf(b, "  e%d (%s):", i, type_name(e->type));
		for (int j = 0; j < e->len; j++) {
			buf_puts(b, j ? "; " : " ");
			dump_insn(p, b, &p->code[e->start + j]);
		}
		buf_putc(b, '\n');
	}
}
