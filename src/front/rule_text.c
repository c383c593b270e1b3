/* rule_text.c: a rule, its amounts, intervals and conditions as
 * every report names them. */
#include "rule_text.h"
#include "msg.h"

void
out_rule(const Program *p, int r, Buf *b)
{
	if (p->rules[r].id)
		buf_puts(b, p->rules[r].id);
	else
		buf_printf(b, "%s:%d", p->files[p->rules[r].file], p->rules[r].line);
}

void
out_amount(Buf *b, const RClause *a)
{
	switch (a->kind) {
	case AM_EXACT: num_text(b, a->lo); break;
	case AM_ATLEAST: buf_puts(b, "at least "); num_text(b, a->lo); break;
	case AM_ATMOST: buf_puts(b, "at most "); num_text(b, a->lo); break;
	case AM_RANGE: num_text(b, a->lo); buf_puts(b, ".."); num_text(b, a->hi); break;
	}
}

void
out_rule_head(const Program *p, int r, Buf *b, int indent)
{
	const Rule *u = &p->rules[r];
	buf_printf(b, "%*s%s:%d  ", indent, "", p->files[u->file], u->line);
	if (u->should)
		buf_puts(b, "should ");
	if (u->id)
		buf_printf(b, "rule %s: ", u->id);
	buf_puts(b, u->text);
}

void
out_cond(Buf *b, const Program *p, int x)
{
	if (p->exprs[x].implicit)
		buf_puts(b, "headcount ");
	buf_puts(b, p->exprs[x].text);
}
