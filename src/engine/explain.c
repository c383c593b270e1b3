/* explain.c: for one unit, every rule in file order: what it read, the
 * amount it chose and why, the interval it produced and how the count
 * stands against it; and the rules that did not apply, with the reason. */
#include "explain.h"
#include "finding.h"
#include "msg.h"
#include "trace.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Every amount of a rule with alternatives, in the order written, with
 * its condition's value; the one chosen is marked with the reason. */
static void
show_alternatives(Check *c, int r, int k, int chosen, TraceSeen *seen, Buf *b)
{
	const Program *p = c->p;
	const Rule *u = &p->rules[r];
	const RClause *cl = p->clauses + u->clause0;
	int *truth = xmalloc((size_t)u->nclauses * sizeof *truth);
	for (int i = 0; i < u->nclauses; i++)
		truth[i] = cl[i].cond < 0 ? 1 : trace_reads(c, cl[i].cond, k, seen, b, NULL);
	for (int i = 0; i < u->nclauses; i++) {
		buf_puts(b, "      ");
		if (cl[i].is_else)
			buf_puts(b, "else ");
		out_amount(b, &cl[i]);
		int v = truth[i];
		if (cl[i].cond >= 0) {
			buf_puts(b, " if ");
			out_cond(b, p, cl[i].cond);
			buf_puts(b, v < 0 ? _(": cannot be worked out") : v ? ": true" : ": false");
		}
		if (i == chosen)
			buf_puts(b, cl[i].is_else ? _("  <- chosen: no other amount applies")
				 : i > 0 ? _("  <- chosen: the last alternative that holds")
				 : _("  <- chosen: no alternative holds"));
		else if (cl[i].is_else)
			buf_puts(b, _("  (not used: an amount applies)"));
		else if (v > 0)
			buf_puts(b, i ? _("  (not chosen: a later alternative holds)")
				 : _("  (not chosen: an alternative holds)"));
		buf_putc(b, '\n');
	}
	free(truth);
}

/* An applied rule: its reads, its choice, its interval. */
static bool
explain_rule(Check *c, int r, int k, double lo, double hi, Buf *b)
{
	const Program *p = c->p;
	const Rule *u = &p->rules[r];
	TraceSeen seen = {.n = 0};
	out_rule_head(c->p, r, b, 2);
	buf_putc(b, '\n');
	if (u->form != R_SUGAR) {
		double val[2];
		if (u->cond >= 0)
			trace_reads(c, u->cond, k, &seen, b, NULL);
		trace_reads(c, u->e1, k, &seen, b, &val[0]);
		if (u->e2 >= 0)
			trace_reads(c, u->e2, k, &seen, b, &val[1]);
		if (u->cond >= 0) {
			buf_puts(b, "      if ");
			out_cond(b, p, u->cond);
			buf_puts(b, ": true\n");
		}
		for (int e = 0; e < 2; e++) {	/* a value below 0 counts as 0 */
			int x = e ? u->e2 : u->e1;
			double v = val[e];
			if (x < 0)
				continue;
			if (v < 0) {
				buf_printf(b, "      %s = ", p->exprs[x].text);
				num_text(b, v);
				buf_puts(b, _(", and a count is never below 0: 0\n"));
			}
		}
		buf_puts(b, "      -> ");
	} else {
		int chosen = check_choose(c, r, k);
		if (chosen < 0)
			return false;
		const RClause *cl = p->clauses + u->clause0, *a = &cl[chosen];
		if (u->nclauses > 1) {
			show_alternatives(c, r, k, chosen, &seen, b);
		} else {
			if (cl[0].cond >= 0) {
				trace_reads(c, cl[0].cond, k, &seen, b, NULL);
				buf_puts(b, "      if ");
				out_cond(b, p, cl[0].cond);
				buf_puts(b, ": true\n");
			}
			buf_puts(b, "      amount ");
			out_amount(b, a);
			buf_putc(b, '\n');
		}
		if (u->per != PER_NONE) {
			double q;
			trace_reads(c, u->qty, k, &seen, b, &q);
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
	out_interval(b, lo, hi);
	buf_pad_to(b, 52);
	double n = units_blank(c->u, u->role, k) ? NAN : units_count(c->u, u->role, k);
	Status st = isnan(n) ? ST_MISSING : span_status(n, lo, hi);
	buf_printf(b, "%s\n", _(status_name(st)));
	if (st == ST_OVER && finding_exact_ratio(c->p, r))
		buf_printf(b, _("      (the form is exact; 'at least %s' is a minimum)\n"), u->text);
	return true;
}

/* Why rule r does not apply to unit k. */
static bool
why_not(Check *c, int r, int k, Applied a, Buf *b)
{
	const Program *p = c->p;
	const Rule *u = &p->rules[r];
	out_rule_head(c->p, r, b, 4);
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
				buf_printf(b, _("out of scope '%s': %s is false\n"), p->scopes[chain[i]].name,
					   p->exprs[p->scopes[chain[i]].cond].text);
				return true;
			}
		}
	} else if (a == AP_KIND) {
		buf_printf(b, _("kind is %s, not %s\n"), p->strs->text[c->u->kind[k]], p->strs->text[p->kinds[u->kind]]);
	} else {
		int x = u->form == R_SUGAR ? p->clauses[u->clause0].cond : u->cond;
		buf_puts(b, _("no condition holds"));
		if (x >= 0) {
			buf_puts(b, ": ");
			out_cond(b, p, x);
			buf_puts(b, _(" is false"));
		}
		buf_putc(b, '\n');
	}
	return true;
}

/* A rule that read a blank cell: what it read, and which cell. */
static bool
explain_missing(Check *c, int r, int k, Buf *b)
{
	const Rule *u = &c->p->rules[r];
	TraceSeen seen = {.n = 0};
	out_rule_head(c->p, r, b, 2);
	buf_putc(b, '\n');
	int x[] = {u->cond, u->e1, u->e2, u->qty, u->form == R_SUGAR ? c->p->clauses[u->clause0].cond : -1};
	for (size_t i = 0; i < sizeof x / sizeof *x; i++)
		if (x[i] >= 0 && trace_reads(c, x[i], k, &seen, b, NULL) < 0)
			return false;
	check_rule(c, r, k, &(double){0}, &(double){0});	/* the cell it read first */
	Finding f = {units_id(c->u, k), 0, "", k, -1, NAN, {false, ST_MISSING, !u->should, NAN, NAN, r, -1, -1, 0, 0},
		     BASE_NONE, 0, c->ev->miss_unit, c->ev->miss_col};
	buf_puts(b, "      -> ");
	finding_message(c, &f, b);
	buf_putc(b, '\n');
	return true;
}

/* The checks on the data (asserts) that apply to unit k: what each
 * read, and whether it holds. */
static bool
explain_asserts(Check *c, int k, Buf *out, bool *any)
{
	for (int i = 0; i < c->p->nrules; i++) {
		double lo, hi;
		const Rule *u = &c->p->rules[i];
		Applied a = u->form == R_ASSERT ? check_rule(c, i, k, &lo, &hi) : AP_NONE;
		if (a == AP_ERROR)
			return false;
		if (a != AP_YIELD)
			continue;
		TraceSeen seen = {.n = 0};
		buf_puts(out, *any ? "" : _("\nchecks on the data\n"));
		*any = true;
		out_rule_head(c->p, i, out, 2);
		buf_putc(out, '\n');
		trace_reads(c, u->e1, k, &seen, out, NULL);
		buf_printf(out, "      -> %s\n", lo ? _("holds") : u->should ? _("false (warning)") : _("false (error)"));
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
	buf_printf(out, "  (%s", p->strs->text[u->kind[k]][0] ? p->strs->text[u->kind[k]] : _("no kind"));
	if (u->parent[k] >= 0) {
		buf_puts(out, _(", parent "));
		Str pid = units_id(u, u->parent[k]);
		buf_put_text(out, pid.s, (size_t)pid.len);
	}
	/* the counts the rules read: the loaded ones, or a plan's */
	const Counts *cn = c->ev->counts;
	bool loaded = cn == &u->counts;
	buf_puts(out, _(", headcount "));
	num_text(out, col_get(&cn->headcount, k));
	buf_puts(out, loaded ? ")\n" : _(", as planned)\n"));
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
		double actual = loaded && units_blank(u, r, k) ? NAN : counts_get(cn, r, k);
		buf_printf(out, "\n%s  (%s ", p->roles[r].name, loaded ? _("actual") : _("planned"));
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
				: a == AP_MISSING ? explain_missing(c, i, k, out)
				: why_not(c, i, k, a, &skipped);
			if (!ok) {
				buf_free(&skipped);
				return false;
			}
		}
		const Req *q = &c->req[r];
		if (check_missing(c, r, k))
			buf_printf(out, _("  all rules: %s is missing: %s\n"), p->roles[r].name,
				   units_blank(u, r, k) ? _("its count is blank") : _("a rule read a blank cell"));
		else if (q->nrules)
			trace_combined(c, r, q, actual, out);
		else
			buf_puts(out, _("  no rule applies: any count is fine\n"));
		if (skipped.len) {
			buf_puts(out, _("  not applied:\n"));
			buf_put(out, skipped.p, skipped.len);
		}
		buf_free(&skipped);
	}
	bool checks = false;
	if (role < 0 && !explain_asserts(c, k, out, &checks))
		return false;
	any |= checks;
	if (!any)
		buf_puts(out, role >= 0 ? _("\nno rule sets this role\n") : _("\nno rule sets any role\n"));
	return true;
}
