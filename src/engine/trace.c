/* trace.c: what an evaluation read (eval.h's EvalTrace), as explain
 * shows it: "name = value", each read once per rule; and how a role's
 * rules combine. */
#include "trace.h"
#include "msg.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "print.h"

static bool
seen_before(TraceSeen *seen, Insn in)
{
	for (int j = 0; j < seen->n; j++)
		if (seen->v[j].op == in.op && seen->v[j].up == in.up && seen->v[j].arg == in.arg)
			return true;
	if (seen->n < 64)
		seen->v[seen->n++] = in;
	return false;
}

/* "      name = value" for step i of a trace; returns the steps it took
 * (a group's, its roles' too). */
static int
show_step(Buf *b, const Program *p, const TraceStep *st, int i)
{
	const Insn *in = &st[i].in;
	Value v = st[i].v;
	buf_puts(b, "      ");
	for (int j = 0; j < in->up; j++)
		buf_puts(b, "parent.");
	int took = 1;
	switch ((Opcode)in->op) {
	case I_ROLE: buf_printf(b, "%s = ", p->roles[in->arg].name); num_text(b, v.n); break;
	case I_HEADCOUNT: buf_puts(b, "headcount = "); num_text(b, v.n); break;
	case I_AGG: buf_printf(b, "%s = ", p->aggs[in->arg].text); num_text(b, v.n); break;
	case I_GROUP: {
		const Group *g = &p->groups[in->arg];
		buf_printf(b, "%s = ", g->name);
		for (int r = 0; r < g->nroles; r++, took++) {
			buf_printf(b, "%s%s ", r ? " + " : "", p->roles[g->roles[r]].name);
			num_text(b, st[i + 1 + r].v.n);
		}
		if (g->nroles > 1)
			buf_puts(b, " = "), num_text(b, v.n);
		break;
	}
	case I_ATTR: {
		const Attr *a = &p->attrs[in->arg];
		buf_printf(b, "%s = ", a->name);
		if (a->type == T_NUM)
			num_text(b, v.n);
		else if (a->type == T_TEXT)
			print_str(b, prog_text(p, v.s));
		else {
			buf_putc(b, '{');
			for (int j = 0; j < v.set.n; j++)
				buf_puts(b, j ? ", " : ""), print_str(b, prog_text(p, v.set.v[j]));
			buf_putc(b, '}');
		}
		break;
	}
	case I_KIND: buf_puts(b, "kind = "); print_str(b, prog_text(p, v.s)); break;
	default: {	/* id, name, parent */
		const char *what = in->op == I_ID ? "id" : in->op == I_NAME ? "name" : "parent";
		const char *t = prog_text(p, v.s);
		buf_printf(b, "%s = \"", what);
		buf_put_text(b, t, strlen(t));
		buf_putc(b, '"');
	}
	}
	buf_putc(b, '\n');
	return took;
}

void
trace_show(Buf *b, const Program *p, const EvalTrace *tr, TraceSeen *seen)
{
	for (int i = 0; i < tr->n;) {
		int took = tr->v[i].in.op == I_GROUP ? 1 + p->groups[tr->v[i].in.arg].nroles : 1;
		if (seen_before(seen, tr->v[i].in))
			i += took;
		else
			i += show_step(b, p, tr->v, i);
	}
}

/* How the rules combine: the musts, then the shoulds that
 * fit them; the verdict, with its severity when the shoulds decide. */
void
trace_combined(const Check *c, int r, const Req *q, double actual, Buf *out)
{
	const Program *p = c->p;
	bool musts = q->must.min_rule >= 0 || q->must.max_rule >= 0;
	bool shoulds = q->should.min_rule >= 0 || q->should.max_rule >= 0;
	Verdict v = req_judge(q, actual);
	if (musts && shoulds) {
		buf_puts(out, _("  must rules: "));
		out_interval(out, q->must.min, q->must.max);
		buf_puts(out, _("\n  should rules: "));
		out_interval(out, q->should.min, q->should.max);
		buf_putc(out, '\n');
	}
	buf_puts(out, _("  all rules: "));
	out_interval(out, v.min, v.max);
	buf_printf(out, _(": %s is %s"), p->roles[r].name,
		   v.ok ? _("ok") : v.status == ST_UNDER ? _("under") : v.status == ST_OVER ? _("over") : _("in conflict"));
	if (!v.ok && !v.error && v.status == ST_CONFLICT && musts)
		buf_puts(out, _(" (a warning: a should rule cannot be met; the must rules win)"));
	else if (!v.ok && shoulds)
		buf_puts(out, v.error ? _(" (an error: a must rule)") : _(" (a warning: a should rule)"));
	buf_putc(out, '\n');
}

/* Works out expression x on unit k as the evaluator does, quietly, and
 * shows what it read that the rule has not shown yet.  1, 0 (false) or
 * -1 (it cannot be worked out: a division by zero); *val its value. */
int
trace_reads(Check *c, int x, int k, TraceSeen *seen, Buf *b, double *val)
{
	EvalTrace tr = {0};
	double v;
	bool ok = check_traced(c, x, k, &tr, &v);
	trace_show(b, c->p, &tr, seen);
	free(tr.v);
	if (val)
		*val = v;
	return !ok ? -1 : v != 0;
}
