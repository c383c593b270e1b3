/* plan_totals.c: the ends of plan's table, Markdown and json reports:
 * the moves and placements, the totals by grade, by scope and in all,
 * the summary line. */
#include "plan_totals.h"
#include "plan_table.h"
#include "attr_totals.h"
#include "msg.h"

#include <math.h>
#include <string.h>

static void
totals_line(Buf *b, const char *label, const Sums *s, bool costs, int lw, bool md)
{
	if (md) {
		buf_printf(b, "| %s | ", label);
		num_people(b, s->current);
		buf_puts(b, " | ");
		num_people(b, s->proposed);
		buf_puts(b, " | ");
		num_signed_people(b, s->proposed - s->current);
		if (costs) {
			buf_puts(b, " | ");
			num_signed_people(b, s->cost);
		}
		buf_puts(b, " |\n");
		return;
	}
	Buf cell = {0};
	buf_printf(b, "  %-*s", lw, label);
	double v[4] = {s->current, s->proposed, s->proposed - s->current, s->cost};
	int widths[4] = {9, 10, 8, 12};
	for (int i = 0; i < (costs ? 4 : 3); i++) {
		cell.len = 0;
		if (i >= 2)
			num_signed_people(&cell, v[i]);
		else
			num_people(&cell, v[i]);
		out_cell(b, buf_cstr(&cell), widths[i]);
	}
	buf_putc(b, '\n');
	buf_free(&cell);
}

static void
json_sums(Buf *b, const Sums *s, bool costs)
{
	buf_puts(b, "{\"current\": ");
	json_num(b, s->current);
	json_key_num(b, "proposed", s->proposed);
	json_key_num(b, "delta", s->proposed - s->current);
	json_key_num(b, "cost_delta", costs ? s->cost : 0);
	buf_putc(b, '}');
}

/* {"kind": "cost", "of": "change", "limit": N, "used": M}: used is the
 * change the plan adds, or with "of": "total" the total it comes to. */
static void
json_budget(Buf *out, const BudgetUse *b)
{
	buf_printf(out, "{\"kind\": \"%s\", \"of\": \"%s\"", b->kind == BUDGET_COST ? "cost" : "headcount",
		   b->total ? "total" : "change");
	json_key_num(out, "limit", b->limit);
	json_key_num(out, "used", round(b->used * 100) / 100);
	buf_putc(out, '}');
}

void
plan_json_end(const Plan *pl, bool first_unit, const Buf *unres, const Totals *t, const MoveTotals *mt,
	      const bool *selected, Buf *out)
{
	const Program *p = pl->c->p;
	buf_puts(out, first_unit ? "],\n" : "\n  ],\n");
	buf_puts(out, "  \"unresolved\": [");
	buf_put(out, unres->p, unres->len);
	buf_puts(out, unres->len ? "\n  ]" : "]");
	moves_json(pl, selected, out);
	buf_puts(out, ",\n  \"totals\": {\"current\": ");
	json_num(out, t->all.current);
	json_key_num(out, "proposed", t->all.proposed);
	json_key_num(out, "delta", t->all.proposed - t->all.current);
	json_key_num(out, "cost_delta", t->all.cost);
	json_key_num(out, "hires", mt->hires);
	json_key_num(out, "releases", mt->releases);
	json_key_num(out, "moves", mt->moves);
	json_key_num(out, "placed", mt->placed);
	BudgetUse bu[2];
	int nb = plan_budgets(pl, bu);
	buf_puts(out, ",\n    \"budget\": ");
	if (nb)
		json_budget(out, &bu[0]);
	else
		buf_puts(out, "null");
	buf_puts(out, ", \"budgets\": [");
	for (int i = 0; i < nb; i++) {
		buf_puts(out, i ? ", " : "");
		json_budget(out, &bu[i]);
	}
	buf_putc(out, ']');
	buf_puts(out, ",\n    \"by_grade\": {");
	for (int g = 0; g < t->ngrades; g++) {
		buf_puts(out, g ? ", " : "");
		json_str(out, t->grades[g], strlen(t->grades[g]));
		buf_puts(out, ": ");
		json_sums(out, &t->by_grade[g], t->costs);
	}
	buf_puts(out, "},\n    \"by_scope\": {");
	for (int s = 0; s < p->nscopes; s++) {
		buf_puts(out, s ? ", " : "");
		json_str(out, p->scopes[s].name, strlen(p->scopes[s].name));
		buf_puts(out, ": ");
		json_sums(out, &t->by_scope[s], t->costs);
	}
	buf_puts(out, "},\n    \"by_attribute\": {");
	for (int i = 0; i < t->nby_attr; i++) {
		const AttrTotals *a = &t->by_attr[i];
		buf_puts(out, i ? ", " : "");
		json_str(out, a->name, strlen(a->name));
		buf_puts(out, ": {");
		for (int v = 0; v < a->n; v++) {
			buf_puts(out, v ? ", " : "");
			json_cstr(out, attr_value_text(p, a->value[v]));
			buf_puts(out, ": ");
			json_sums(out, &a->sums[v], t->costs);
		}
		buf_putc(out, '}');
	}
	buf_puts(out, "}}\n}\n");
}

void
plan_table_end(const Plan *pl, const PlanCounts *n, const Buf *body, const Totals *t,
	       const MoveTotals *mt, const bool *selected, bool md, Buf *out)
{
	int nchanged = n->nchanged;
	const Program *p = pl->c->p;
		int lw = 5;
	for (int g = 0; g < t->ngrades; g++)
		if ((int)strlen(t->grades[g]) + 6 > lw)
			lw = (int)strlen(t->grades[g]) + 6;
	for (int s = 0; s < p->nscopes; s++)
		if ((int)strlen(p->scopes[s].name) + 6 > lw)
			lw = (int)strlen(p->scopes[s].name) + 6;
	for (int i = 0; i < t->nby_attr; i++)
		for (int v = 0; v < t->by_attr[i].n; v++) {
			const AttrTotals *a = &t->by_attr[i];
			int w = (int)(strlen(a->name) + 1 + strlen(attr_value_text(p, a->value[v])));
			lw = w > lw ? w : lw;
		}
	if (md) {
		buf_puts(out, "### coplan plan\n\n");
		moves_changes(out, pl, n, mt, "the plan ");
		buf_puts(out, ".\n\n");
		if (nchanged)
			plan_table_head(TAB_MARKDOWN, out);
		buf_put(out, body->p, body->len);
		moves_table(pl, selected, out, true);
		buf_printf(out, _("%s| total | current | proposed | delta |%s\n| --- | ---: | ---: | ---: |%s\n"),
			   nchanged ? "\n" : "", t->costs ? _(" cost delta |") : "", t->costs ? " ---: |" : "");
	} else {
		if (nchanged)
			buf_put(out, body->p, body->len);
		else
			buf_puts(out, n->unresolved ? _("no changes\n") : _("no changes: the staffing meets every rule\n"));
		moves_table(pl, selected, out, false);
		buf_printf(out, "\n  %-*s%9s%10s%8s%s\n", lw, "", _("current"), _("proposed"), _("delta"),
			   t->costs ? _("  cost delta") : "");
	}
	Buf label = {0};
	for (int g = 0; g < t->ngrades; g++) {
		label.len = 0;
		buf_printf(&label, _("grade %s"), t->grades[g]);
		totals_line(out, label.p, &t->by_grade[g], t->costs, lw, md);
	}
	for (int s = 0; s < p->nscopes; s++) {
		if (!t->by_scope[s].units)
			continue;	/* no unit of the report is in it */
		label.len = 0;
		buf_printf(&label, _("scope %s"), p->scopes[s].name);
		totals_line(out, label.p, &t->by_scope[s], t->costs, lw, md);
	}
	for (int i = 0; i < t->nby_attr; i++)
		for (int v = 0; v < t->by_attr[i].n; v++) {
			const AttrTotals *a = &t->by_attr[i];
			label.len = 0;
			buf_printf(&label, "%s %s", a->name, attr_value_text(p, a->value[v]));
			totals_line(out, label.p, &a->sums[v], t->costs, lw, md);
		}
	totals_line(out, _("all"), &t->all, t->costs, lw, md);
	buf_free(&label);
	BudgetUse bu[2];
	int nb = plan_budgets(pl, bu);
	for (int i = 0; i < nb; i++) {	/* what finance asked, and what the plan uses */
		buf_puts(out, md ? (i ? "\n" : "\n") : "  ");
		budget_text(&bu[i], out);
		buf_puts(out, md ? ".\n" : "\n");
	}
	if (!md) {
		moves_changes(out, pl, n, mt, "");
	}
	if (!md && n->unresolved)
		buf_printf(out, plural(n->unresolved, "; %d conflict left unresolved", "; %d conflicts left unresolved"),
			   n->unresolved);
	if (!md)
		buf_putc(out, '\n');
	if (md && n->unresolved)
		buf_printf(out, plural(n->unresolved,
				       "\n**%d conflict left unresolved**: no count meets every must rule (see the messages).\n",
				       "\n**%d conflicts left unresolved**: no count meets every must rule (see the messages).\n"),
			   n->unresolved);
}
