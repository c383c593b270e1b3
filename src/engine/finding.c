/* finding.c: what a finding says: the interval and the rule, the
 * conflict, the blank cell it could not read, or an assert's label. */
#include "finding.h"

#include "rule_text.h"

#include <math.h>

bool
finding_exact_ratio(const Program *p, int r)
{
	const Rule *u = &p->rules[r];
	return u->form == R_SUGAR && u->per == PER_RATIO && u->nclauses == 1 &&
		p->clauses[u->clause0].kind == AM_EXACT;
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
			buf_puts(b, "the count is blank");
		else
			buf_printf(b, "cannot be worked out: '%s' is blank", col);
		if (f->miss_unit != f->unit) {
			Str id = units_id(un, f->miss_unit);
			buf_printf(b, " for unit '%.*s'", id.len, id.s);
		}
		if (bl)
			buf_printf(b, " on line %d", bl->line);
		buf_printf(b, " (%s)", u->label && u->form == R_ASSERT ? u->label : u->text);
		return;
	}
	if (v->status == ST_FAILED) {	/* an assert: its label, else its text */
		buf_puts(b, u->label ? u->label : u->text);
		return;
	}
	buf_puts(b, prog_role_name(p, f->role));
	buf_puts(b, ": ");
	num_text(b, f->actual);
	if (v->status != ST_CONFLICT) {
		buf_puts(b, ", needs ");
		interval_text(b, v->min, v->max);
		buf_puts(b, " (");
		buf_puts(b, p->rules[v->rule].text);
		buf_putc(b, ')');
		if (v->status == ST_OVER && finding_exact_ratio(p, v->rule))
			buf_printf(b, ": the form is exact; 'at least %s' is a minimum", p->rules[v->rule].text);
		return;
	}
	if (v->lo_rule == v->hi_rule) {
		buf_puts(b, ", but no count meets ");
		num_text(b, v->lo);
		buf_puts(b, "..");
		num_text(b, v->hi);
		buf_printf(b, " (%s)", p->rules[v->rule].text);
		return;
	}
	buf_puts(b, ", but the rules conflict: ");
	out_rule(c->p, v->lo_rule, b);
	buf_puts(b, " needs at least ");
	num_text(b, v->lo);
	buf_printf(b, " (%s), ", p->rules[v->lo_rule].text);
	out_rule(c->p, v->hi_rule, b);
	buf_puts(b, " at most ");
	num_text(b, v->hi);
	buf_printf(b, " (%s)", p->rules[v->hi_rule].text);
	if (!v->error && (!p->rules[v->lo_rule].should || !p->rules[v->hi_rule].should))
		buf_puts(b, "; the must rule wins");
}
