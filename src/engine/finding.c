/* finding.c: what a finding says: the interval and the rule, the
 * conflict, the blank cell it could not read, or an assert's label. */
#include "finding.h"

#include "rule_text.h"
#include "msg.h"

#include <math.h>

bool
finding_exact_ratio(const Program *p, int r)
{
	const Rule *u = &p->rules[r];
	return u->form == R_SUGAR && u->per == PER_RATIO && u->nclauses == 1 &&
		p->clauses[u->clause0].kind == AM_EXACT;
}

/* A number of a message, for people: the reader's way (7,5 in Italian). */
static const char *
num(Buf *t, double v)
{
	t->len = 0;
	num_people(t, v);
	return buf_cstr(t);
}

void
finding_message(const Check *c, const Finding *f, Buf *b)
{
	const Program *p = c->p;
	const Verdict *v = &f->v;
	const Rule *u = &p->rules[v->rule];
	if (v->status == ST_MISSING) {	/* the blank cell, where it is */
		const Units *un = c->u;
		const Blank *bl = units_blank_cell(un, f->miss_unit, f->miss_col);
		const char *col = f->miss_col >= 0 ? p->roles[f->miss_col].name : p->attrs[-f->miss_col - 1].name;
		if (f->role >= 0)
			buf_printf(b, "%s: ", p->roles[f->role].name);
		if (f->role >= 0 && f->miss_unit == f->unit && f->miss_col == f->role)
			buf_puts(b, _("the count is blank"));
		else
			buf_printf(b, _("cannot be worked out: '%s' is blank"), col);
		if (f->miss_unit != f->unit) {
			Str id = units_id(un, f->miss_unit);
			buf_printf(b, _(" for unit '%.*s'"), id.len, id.s);
		}
		if (bl)
			buf_printf(b, _(" on line %d"), bl->line);
		buf_printf(b, " (%s)", u->label && u->form == R_ASSERT ? u->label : u->text);
		return;
	}
	if (v->status == ST_FAILED) {	/* an assert: its label, else its text */
		buf_puts(b, u->label ? u->label : u->text);
		return;
	}
	const char *role = prog_role_name(p, f->role);
	Buf n1 = {0}, n2 = {0}, n3 = {0};
	if (v->status != ST_CONFLICT) {
		Buf need = {0};
		interval_text(&need, v->min, v->max);
		/* TRANSLATORS: role: count, needs interval (the rule's text) */
		buf_printf(b, _("%s: %s, needs %s (%s)"), role, num(&n1, f->actual), buf_cstr(&need),
			   p->rules[v->rule].text);
		buf_free(&need);
		if (v->status == ST_OVER && finding_exact_ratio(p, v->rule))
			buf_printf(b, _(": the form is exact; 'at least %s' is a minimum"), p->rules[v->rule].text);
	} else if (v->lo_rule == v->hi_rule) {
		buf_printf(b, _("%s: %s, but no count meets %s..%s (%s)"), role, num(&n1, f->actual), num(&n2, v->lo),
			   num(&n3, v->hi), p->rules[v->rule].text);
	} else {
		Buf lo = {0}, hi = {0};
		out_rule(c->p, v->lo_rule, &lo);
		out_rule(c->p, v->hi_rule, &hi);
		/* TRANSLATORS: role: count, but the rules conflict: RULE needs at
		 * least N (its text), RULE at most N (its text) */
		buf_printf(b, _("%s: %s, but the rules conflict: %s needs at least %s (%s), %s at most %s (%s)"), role,
			   num(&n1, f->actual), buf_cstr(&lo), num(&n2, v->lo), p->rules[v->lo_rule].text, buf_cstr(&hi),
			   num(&n3, v->hi), p->rules[v->hi_rule].text);
		if (!v->error && (!p->rules[v->lo_rule].should || !p->rules[v->hi_rule].should))
			buf_puts(b, _("; the must rule wins"));
		buf_free(&lo);
		buf_free(&hi);
	}
	buf_free(&n1);
	buf_free(&n2);
	buf_free(&n3);
}
