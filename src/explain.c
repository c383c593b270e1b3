/* explain.c: for one unit, every rule in file order: what it read, the
 * amount it chose and why, the interval it produced and how the count
 * stands against it; and the rules that did not apply, with the reason. */
#include "explain.h"

#include <math.h>
#include <string.h>

#include "compile.h"
#include "lint.h"
#include "print.h"

typedef struct Seen {		/* the loads already shown for a rule */
	Insn v[64];
	int n;
} Seen;

static void
show_set(Buf *b, const Program *p, const int *v, int n)
{
	buf_putc(b, '{');
	for (int i = 0; i < n; i++) {
		if (i)
			buf_puts(b, ", ");
		print_str(b, p->strs->text[v[i]]);
	}
	buf_putc(b, '}');
}

static int
ancestor(const Units *u, int k, int up)
{
	while (up-- > 0 && k >= 0)
		k = u->parent[k];
	return k;
}

/* "name = value" for one load of expression code, on unit k. */
static void
show_load(Check *c, const Insn *in, int k, Buf *b)
{
	const Program *p = c->p;
	const Units *u = c->u;
	int t = ancestor(u, k, in->up);
	buf_puts(b, "      ");
	for (int i = 0; i < in->up; i++)
		buf_puts(b, "parent.");
	switch ((Opcode)in->op) {
	case I_ROLE:
		buf_printf(b, "%s = ", p->roles[in->arg].name);
		num_text(b, t < 0 ? 0 : units_count(u, in->arg, t));
		break;
	case I_GROUP: {
		const Group *g = &p->groups[in->arg];
		buf_printf(b, "%s = ", g->name);
		double sum = 0;
		for (int i = 0; i < g->nroles; i++) {
			double v = t < 0 ? 0 : units_count(u, g->roles[i], t);
			sum += v;
			buf_printf(b, "%s%s ", i ? " + " : "", p->roles[g->roles[i]].name);
			num_text(b, v);
		}
		if (g->nroles > 1) {
			buf_puts(b, " = ");
			num_text(b, sum);
		}
		break;
	}
	case I_HEADCOUNT:
		buf_puts(b, "headcount = ");
		num_text(b, t < 0 ? 0 : col_get(&u->headcount, t));
		break;
	case I_ATTR: {
		const Attr *a = &p->attrs[in->arg];
		buf_printf(b, "%s = ", a->name);
		if (a->type == T_NUM)
			num_text(b, t < 0 ? 0 : u->num[in->arg][t]);
		else if (a->type == T_TEXT)
			print_str(b, t < 0 ? "" : p->strs->text[u->text[in->arg][t]]);
		else if (t < 0 || !u->set_len[in->arg][t])
			buf_puts(b, "{}");
		else
			show_set(b, p, u->setpool + u->set_off[in->arg][t], u->set_len[in->arg][t]);
		break;
	}
	case I_KIND:
		buf_puts(b, "kind = ");
		print_str(b, t < 0 ? "" : p->strs->text[u->kind[t]]);
		break;
	case I_ID:
	case I_NAME:
	case I_PARENT: {
		const char *what = in->op == I_ID ? "id" : in->op == I_NAME ? "name" : "parent";
		Str s = {"", 0};
		if (t >= 0 && in->op == I_ID)
			s = units_id(u, t);
		else if (t >= 0 && in->op == I_NAME)
			s = units_name(u, t);
		else if (t >= 0 && u->parent[t] >= 0)
			s = units_id(u, u->parent[t]);
		buf_printf(b, "%s = \"", what);
		buf_put_text(b, s.s, (size_t)s.len);
		buf_putc(b, '"');
		break;
	}
	default:
		break;
	}
	buf_putc(b, '\n');
}

/* A condition as explain shows it: `if > 200` compares headcount. */
static void
cond_text(Buf *b, const Program *p, int x)
{
	const char *t = p->exprs[x].text;
	if (strchr("<>=!", t[0]))
		buf_puts(b, "headcount ");
	buf_puts(b, t);
}

/* The values expression x reads on unit k, each once per rule. */
static bool
show_reads(Check *c, int x, int k, Seen *seen, Buf *b)
{
	const Program *p = c->p;
	const Expr *e = &p->exprs[x];
	for (int i = 0; i < e->len; i++) {
		const Insn *in = &p->code[e->start + i];
		switch ((Opcode)in->op) {
		case I_ROLE: case I_GROUP: case I_HEADCOUNT: case I_ATTR:
		case I_KIND: case I_ID: case I_NAME: case I_PARENT:
		case I_AGG:
			break;
		default:
			continue;
		}
		bool dup = false;
		for (int j = 0; j < seen->n && !dup; j++)
			dup = seen->v[j].op == in->op && seen->v[j].up == in->up && seen->v[j].arg == in->arg;
		if (dup)
			continue;
		if (seen->n < 64)
			seen->v[seen->n++] = *in;
		if (in->op != I_AGG) {
			show_load(c, in, k, b);
			continue;
		}
		/* an aggregate: its value, computed alone */
		const Agg *g = &p->aggs[in->arg];
		Value v;
		if (!eval_agg(&c->ev, in->arg, k, &v))
			return false;
		buf_printf(b, "      %s = ", g->text);
		num_text(b, v.n);
		buf_putc(b, '\n');
	}
	return true;
}

static void
interval(Buf *b, double lo, double hi)
{
	buf_putc(b, '[');
	num_text(b, lo);
	buf_puts(b, ", ");
	if (isinf(hi))
		buf_puts(b, "inf");
	else
		num_text(b, hi);
	buf_putc(b, ']');
}

static const char *
standing(double actual, double lo, double hi)
{
	if (span_empty(lo, hi))
		return "conflict";
	if (actual < lo && !num_near(actual, lo))
		return "under";
	if (actual > hi && !num_near(actual, hi))
		return "over";
	return "ok";
}

static void
pad_to(Buf *b, size_t col)
{
	size_t start = b->len;
	while (start > 0 && b->p[start - 1] != '\n')
		start--;
	size_t w = (size_t)utf8_width(b->p + start, b->len - start);
	do
		buf_putc(b, ' ');
	while (++w < col);
}

static void
rule_head(const Check *c, int r, Buf *b, int indent)
{
	const Rule *u = &c->p->rules[r];
	buf_printf(b, "%*s%s:%d  ", indent, "", c->p->files[u->file], u->line);
	if (u->should)
		buf_puts(b, "should ");
	if (u->id)
		buf_printf(b, "rule %s: ", u->id);
	buf_puts(b, u->text);
}

static bool
eval_num(Check *c, int x, int k, double *v)
{
	Value val;
	if (!eval_expr(&c->ev, x, k, &val))
		return false;
	*v = val.n;
	return true;
}

static void
amount_text(Buf *b, const RClause *a)
{
	switch (a->kind) {
	case AM_EXACT: num_text(b, a->lo); break;
	case AM_ATLEAST: buf_puts(b, "at least "); num_text(b, a->lo); break;
	case AM_ATMOST: buf_puts(b, "at most "); num_text(b, a->lo); break;
	case AM_RANGE: num_text(b, a->lo); buf_puts(b, ".."); num_text(b, a->hi); break;
	}
}

/* A condition's value, worked out quietly: one the rule did not need
 * may fail (a division by zero) without being an error.  1, 0, -1. */
static int
quiet_truth(Check *c, int x, int k)
{
	bool quiet = c->ev.quiet;
	c->ev.quiet = true;
	double v;
	bool ok = eval_num(c, x, k, &v);
	c->ev.quiet = quiet;
	return ok ? v != 0 : -1;
}

/* Every amount of a rule with alternatives, in the order written, with
 * its condition's value; the one chosen is marked with the reason. */
static bool
show_alternatives(Check *c, int r, int k, int chosen, Seen *seen, Buf *b)
{
	const Program *p = c->p;
	const Rule *u = &p->rules[r];
	const RClause *cl = p->clauses + u->clause0;
	for (int i = 0; i < u->nclauses; i++)
		if (cl[i].cond >= 0 && !show_reads(c, cl[i].cond, k, seen, b))
			return false;
	for (int i = 0; i < u->nclauses; i++) {
		buf_puts(b, "      ");
		if (cl[i].is_else)
			buf_puts(b, "else ");
		amount_text(b, &cl[i]);
		int v = 1;
		if (cl[i].cond >= 0) {
			v = quiet_truth(c, cl[i].cond, k);
			buf_puts(b, " if ");
			cond_text(b, p, cl[i].cond);
			buf_puts(b, v < 0 ? ": cannot be worked out" : v ? ": true" : ": false");
		}
		if (i == chosen)
			buf_puts(b, cl[i].is_else ? "  <- chosen: no other amount applies"
				 : i > 0 ? "  <- chosen: the last alternative that holds"
				 : "  <- chosen: no alternative holds");
		else if (cl[i].is_else)
			buf_puts(b, "  (not used: an amount applies)");
		else if (v > 0)
			buf_puts(b, i ? "  (not chosen: a later alternative holds)"
				 : "  (not chosen: an alternative holds)");
		buf_putc(b, '\n');
	}
	return true;
}

/* An applied rule: its reads, its choice, its interval. */
static bool
explain_rule(Check *c, int r, int k, double lo, double hi, Buf *b)
{
	const Program *p = c->p;
	const Rule *u = &p->rules[r];
	Seen seen = {.n = 0};
	rule_head(c, r, b, 2);
	buf_putc(b, '\n');
	if (u->form != R_SUGAR) {
		if (u->cond >= 0 && !show_reads(c, u->cond, k, &seen, b))
			return false;
		if (!show_reads(c, u->e1, k, &seen, b))
			return false;
		if (u->e2 >= 0 && !show_reads(c, u->e2, k, &seen, b))
			return false;
		if (u->cond >= 0) {
			buf_puts(b, "      if ");
			cond_text(b, p, u->cond);
			buf_puts(b, ": true\n");
		}
		for (int e = 0; e < 2; e++) {	/* a value below 0 counts as 0 */
			int x = e ? u->e2 : u->e1;
			double v;
			if (x < 0 || !eval_num(c, x, k, &v))
				continue;
			if (v < 0) {
				buf_printf(b, "      %s = ", p->exprs[x].text);
				num_text(b, v);
				buf_puts(b, ", and a count is never below 0: 0\n");
			}
		}
		buf_puts(b, "      -> ");
	} else {
		int chosen = check_choose(c, r, k);
		if (chosen < 0)
			return false;
		const RClause *cl = p->clauses + u->clause0, *a = &cl[chosen];
		if (u->nclauses > 1) {
			if (!show_alternatives(c, r, k, chosen, &seen, b))
				return false;
		} else {
			if (cl[0].cond >= 0) {
				if (!show_reads(c, cl[0].cond, k, &seen, b))
					return false;
				buf_puts(b, "      if ");
				cond_text(b, p, cl[0].cond);
				buf_puts(b, ": true\n");
			}
			buf_puts(b, "      amount ");
			amount_text(b, a);
			buf_putc(b, '\n');
		}
		if (u->per != PER_NONE) {
			if (!show_reads(c, u->qty, k, &seen, b))
				return false;
			double q;
			if (!eval_num(c, u->qty, k, &q))
				return false;
			/* [L x ceil(Q/N), H x ceil(Q/N)], or for a span
			 * [L x ceil(Q/B), H x floor(Q/A)]; 1 x is left out */
			double alo = a->kind == AM_ATMOST ? 0 : a->lo;
			double ahi = a->kind == AM_RANGE ? a->hi : a->lo;
			buf_puts(b, "      -> [");
			for (int end = 0; end < 2; end++) {
				double m = end ? ahi : alo;
				if (end)
					buf_puts(b, ", ");
				if (end && a->kind == AM_ATLEAST) {
					buf_puts(b, "inf");
					continue;
				}
				if (m != 1)
					num_text(b, m), buf_puts(b, " x ");
				bool down = end && u->per == PER_SPAN;
				buf_puts(b, down ? "floor(" : "ceil(");
				num_text(b, q);
				buf_putc(b, '/');
				num_text(b, u->per == PER_RATIO ? u->n : end ? u->a : u->b);
				buf_putc(b, ')');
			}
			buf_puts(b, "] = ");
		} else {
			buf_puts(b, "      -> ");
		}
	}
	interval(b, lo, hi);
	pad_to(b, 52);
	buf_printf(b, "%s\n", standing(units_count(c->u, u->role, k), lo, hi));
	return true;
}

/* How the rules combine: the musts, then the shoulds that
 * fit them; the verdict, with its severity when the shoulds decide. */
static void
combined(const Check *c, int r, const Req *q, double actual, Buf *out)
{
	const Program *p = c->p;
	bool musts = q->must.min_rule >= 0 || q->must.max_rule >= 0;
	bool shoulds = q->should.min_rule >= 0 || q->should.max_rule >= 0;
	Verdict v = req_judge(q, actual);
	if (musts && shoulds) {
		buf_puts(out, "  must rules: ");
		interval(out, q->must.min, q->must.max);
		buf_puts(out, "\n  should rules: ");
		interval(out, q->should.min, q->should.max);
		buf_putc(out, '\n');
	}
	buf_puts(out, "  all rules: ");
	interval(out, v.min, v.max);
	buf_printf(out, ": %s is %s", p->roles[r].name,
		   v.ok ? "ok" : v.status == ST_UNDER ? "under" : v.status == ST_OVER ? "over" : "in conflict");
	if (!v.ok && !v.error && v.status == ST_CONFLICT && musts)
		buf_puts(out, " (a warning: a should rule cannot be met; the must rules win)");
	else if (!v.ok && shoulds)
		buf_puts(out, v.error ? " (an error: a must rule)" : " (a warning: a should rule)");
	buf_putc(out, '\n');
}

/* Why rule r does not apply to unit k. */
static bool
why_not(Check *c, int r, int k, Applied a, Buf *b)
{
	const Program *p = c->p;
	const Rule *u = &p->rules[r];
	rule_head(c, r, b, 4);
	buf_puts(b, "\n        ");
	if (a == AP_SCOPE) {
		/* the outermost scope whose condition fails */
		int chain[64], n = 0;
		for (int s = u->scope; s >= 0 && n < 64; s = p->scopes[s].parent)
			chain[n++] = s;
		for (int i = n - 1; i >= 0; i--) {
			int in = check_in_scope(c, chain[i], k);
			if (in < 0)
				return false;
			if (!in) {
				buf_printf(b, "out of scope '%s': %s is false\n", p->scopes[chain[i]].name,
					   p->exprs[p->scopes[chain[i]].cond].text);
				return true;
			}
		}
	} else if (a == AP_KIND) {
		buf_printf(b, "kind is %s, not %s\n", p->strs->text[c->u->kind[k]], p->strs->text[p->kinds[u->kind]]);
	} else {
		int x = u->form == R_SUGAR ? p->clauses[u->clause0].cond : u->cond;
		buf_puts(b, "no condition holds");
		if (x >= 0) {
			buf_puts(b, ": ");
			cond_text(b, p, x);
			buf_puts(b, " is false");
		}
		buf_putc(b, '\n');
	}
	return true;
}

bool
explain_unit(Check *c, int k, int role, Buf *out)
{
	const Program *p = c->p;
	const Units *u = c->u;
	Str id = units_id(u, k), name = units_name(u, k);
	buf_put_text(out, id.s, (size_t)id.len);
	if (name.len) {
		buf_puts(out, "  ");
		buf_put_text(out, name.s, (size_t)name.len);
	}
	buf_printf(out, "  (%s", p->strs->text[u->kind[k]][0] ? p->strs->text[u->kind[k]] : "no kind");
	if (u->parent[k] >= 0) {
		buf_puts(out, ", parent ");
		Str pid = units_id(u, u->parent[k]);
		buf_put_text(out, pid.s, (size_t)pid.len);
	}
	buf_puts(out, ", headcount ");
	num_text(out, col_get(&u->headcount, k));
	buf_puts(out, ")\n");
	check_forget(c);
	if (!check_unit(c, k))
		return false;
	bool any = false;
	for (int r = 0; r < p->nroles; r++) {
		if (role >= 0 && r != role)
			continue;
		bool targeted = false;
		for (int i = 0; i < p->nrules && !targeted; i++)
			targeted = p->rules[i].role == r;
		if (!targeted)
			continue;
		any = true;
		double actual = units_count(u, r, k);
		buf_printf(out, "\n%s  (actual ", p->roles[r].name);
		num_text(out, actual);
		buf_puts(out, ")\n");
		Buf skipped = {0};
		for (int i = 0; i < p->nrules; i++) {
			if (p->rules[i].role != r)
				continue;
			double lo, hi;
			Applied a = check_rule(c, i, k, &lo, &hi);
			bool ok = a == AP_ERROR ? false
				: a == AP_YIELD ? explain_rule(c, i, k, lo, hi, out)
				: why_not(c, i, k, a, &skipped);
			if (!ok) {
				buf_free(&skipped);
				return false;
			}
		}
		const Req *q = &c->req[r];
		if (q->nrules) {
			combined(c, r, q, actual, out);
		} else {
			buf_puts(out, "  no rule applies: any count is fine\n");
		}
		if (skipped.len) {
			buf_puts(out, "  not applied:\n");
			buf_put(out, skipped.p, skipped.len);
		}
		buf_free(&skipped);
	}
	if (!any)
		buf_puts(out, role >= 0 ? "\nno rule sets this role\n" : "\nno rule sets any role\n");
	return true;
}
