/* plan_moves.c: the moves, placements, unplaced people and overrun
 * budgets of a whole plan, and the data checks no plan can meet, as
 * plan's reports show them. */
#include "plan_moves.h"
#include "msg.h"
#include "finding.h"
#include "eval.h"
#include "escape.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void
moves_rounds(const Plan *pl, const char *who, Buf *b)
{
	bool said = who && *who;	/* "the plan settled", or "settled" */
	if (pl->unsettled && said)
		buf_printf(b, plural(pl->rounds, "; the plan stopped at the time limit after %d round",
				     "; the plan stopped at the time limit after %d rounds"), pl->rounds);
	else if (pl->unsettled)
		buf_printf(b, plural(pl->rounds, "; stopped at the time limit after %d round",
				     "; stopped at the time limit after %d rounds"), pl->rounds);
	else if (said)
		buf_printf(b, plural(pl->rounds, "; the plan settled in %d round", "; the plan settled in %d rounds"),
			   pl->rounds);
	else
		buf_printf(b, plural(pl->rounds, "; settled in %d round", "; settled in %d rounds"), pl->rounds);
	if (!plan_unproven(pl))
		return;
	buf_puts(b, _("; not proven optimal"));
	if (pl->solve.unproven.level >= 0 && isfinite(pl->solve.unproven.bound))
		buf_printf(b, _(" (gap %.3g %%)"), solve_gap(pl->solve.unproven.best, pl->solve.unproven.bound));
	else if (pl->solve.unproven.level >= 0)
		buf_puts(b, _(" (gap unknown)"));
}

static void
json_unproven(const Plan *pl, Buf *b)
{
	const SolveStop *w = &pl->solve.unproven;
	buf_printf(b, "  \"not_proven\": {\"settled\": %s", pl->unsettled ? "false" : "true");
	if (w->level >= 0) {
		buf_printf(b, ", \"level\": \"%s\"", solve_level_name(w->level));
		json_key_num(b, "best", w->best);
		json_key_num(b, "bound", w->bound);
		json_key_num(b, "gap", round(solve_gap(w->best, w->bound) * 100) / 100);
	}
	buf_puts(b, "},\n");
}

void
moves_json_head(const Plan *pl, Buf *b)
{
	buf_printf(b, "{\n  \"iterations\": %d,\n", pl->rounds);
	if (plan_unproven(pl))	/* only then: the key says it */
		json_unproven(pl, b);
	buf_puts(b, "  \"units\": [");
}

static void
json_id(Buf *b, const Units *u, int k)
{
	Str id = units_id(u, k);
	json_str(b, id.s, (size_t)id.len);
}

void
moves_json(const Plan *pl, const bool *selected, Buf *b)
{
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	const Solve *s = &pl->solve;
	int n = 0;
	buf_puts(b, ",\n  \"moves\": [");
	for (int i = 0; pl->whole && i < s->nmoves; i++) {
		const SolveMove *m = &s->moves[i];
		if (!unit_shown(selected, m->from) && !unit_shown(selected, m->to))
			continue;
		buf_puts(b, n++ ? ",\n    {\"role\": " : "\n    {\"role\": ");
		json_str(b, p->roles[m->role].name, strlen(p->roles[m->role].name));
		buf_puts(b, ", \"from\": ");
		json_id(b, u, m->from);
		buf_puts(b, ", \"to\": ");
		json_id(b, u, m->to);
		json_key_num(b, "count", m->count);
		buf_putc(b, '}');
	}
	buf_puts(b, n ? "\n  ],\n  \"placements\": [" : "],\n  \"placements\": [");
	n = 0;
	for (int j = 0; pl->whole && j < s->ncand; j++) {
		const SolveCand *a = &s->cand[j];
		int k = s->pair[a->pair].unit;
		if (a->count <= 0 || !unit_shown(selected, k))
			continue;
		buf_puts(b, n++ ? ",\n    {\"pool\": " : "\n    {\"pool\": ");
		json_str(b, p->pools[a->pool].name, strlen(p->pools[a->pool].name));
		buf_puts(b, ", \"unit\": ");
		json_id(b, u, k);
		buf_puts(b, ", \"role\": ");
		json_str(b, p->roles[s->pair[a->pair].role].name, strlen(p->roles[s->pair[a->pair].role].name));
		json_key_num(b, "count", a->count);
		buf_putc(b, '}');
	}
	buf_puts(b, n ? "\n  ],\n  \"unplaced\": [" : "],\n  \"unplaced\": [");
	n = 0;
	for (int j = 0; pl->whole && j < p->npools; j++) {
		if (s->unplaced[j] < 0.5)
			continue;
		const Pool *q = &p->pools[j];
		buf_puts(b, n++ ? ",\n    {\"pool\": " : "\n    {\"pool\": ");
		json_str(b, q->name, strlen(q->name));
		buf_puts(b, ", \"role\": ");
		json_str(b, q->what, strlen(q->what));
		json_key_num(b, "count", s->unplaced[j]);
		buf_printf(b, ", \"short\": %s}", q->at_most ? "false" : "true");
	}
	buf_puts(b, n ? "\n  ]" : "]");
}

static void
md_id(Buf *b, const Units *u, int k)
{
	Str id = units_id(u, k);
	md_text(b, id.s, (size_t)id.len);
}

static void
text_id(Buf *b, const Units *u, int k, int width)
{
	Str id = units_id(u, k);
	buf_put_text(b, id.s, (size_t)id.len);
	for (int i = id.len; i < width; i++)
		buf_putc(b, ' ');
}

void
moves_table(const Plan *pl, const bool *selected, Buf *b, bool md)
{
	if (!pl->whole)
		return;
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	const Solve *s = &pl->solve;
	int rw = 4, iw = 4, pw = 4, n = 0;
	for (int i = 0; i < s->nmoves; i++) {
		const SolveMove *m = &s->moves[i];
		if (!unit_shown(selected, m->from) && !unit_shown(selected, m->to))
			continue;
		if ((int)strlen(p->roles[m->role].name) > rw)
			rw = (int)strlen(p->roles[m->role].name);
		if (units_id(u, m->from).len > iw)
			iw = units_id(u, m->from).len;
	}
	for (int i = 0; i < s->nmoves; i++) {
		const SolveMove *m = &s->moves[i];
		if (!unit_shown(selected, m->from) && !unit_shown(selected, m->to))
			continue;
		if (md) {
			buf_puts(b, n++ ? "" : _("\n#### Moves\n\n| role | from | to | count |\n| --- | --- | --- | ---: |\n"));
			buf_printf(b, "| %s | ", p->roles[m->role].name);
			md_id(b, u, m->from);
			buf_puts(b, " | ");
			md_id(b, u, m->to);
			buf_puts(b, " | ");
			num_people(b, m->count);
			buf_puts(b, " |\n");
		} else {
			buf_puts(b, n++ ? "" : _("\nmoves\n"));
			buf_printf(b, "  %-*s ", rw, p->roles[m->role].name);
			text_id(b, u, m->from, iw);
			buf_puts(b, " -> ");
			text_id(b, u, m->to, 0);
			buf_puts(b, "  ");
			num_people(b, m->count);
			buf_putc(b, '\n');
		}
	}
	n = 0;
	for (int j = 0; j < p->npools; j++)
		if ((int)strlen(p->pools[j].name) > pw)
			pw = (int)strlen(p->pools[j].name);
	for (int j = 0; j < s->ncand; j++) {
		const SolveCand *a = &s->cand[j];
		int k = s->pair[a->pair].unit;
		if (a->count <= 0 || !unit_shown(selected, k))
			continue;
		const char *role = p->roles[s->pair[a->pair].role].name;
		if (md) {
			buf_puts(b, n++ ? "" : _("\n#### Placements\n\n| pool | unit | role | count |\n| --- | --- | --- | ---: |\n"));
			buf_printf(b, "| %s | ", p->pools[a->pool].name);
			md_id(b, u, k);
			buf_printf(b, " | %s | ", role);
			num_people(b, a->count);
			buf_puts(b, " |\n");
		} else {
			buf_puts(b, n++ ? "" : _("\nplacements\n"));
			buf_printf(b, "  %-*s ", pw, p->pools[a->pool].name);
			num_people(b, a->count);
			buf_printf(b, " %s -> ", role);
			text_id(b, u, k, 0);
			buf_putc(b, '\n');
		}
	}
	n = 0;
	for (int j = 0; j < p->npools; j++) {
		if (s->unplaced[j] < 0.5)
			continue;
		const Pool *q = &p->pools[j];
		if (md) {
			buf_puts(b, n++ ? "" : _("\n#### Not placed\n\n| pool | role | count | |\n| --- | --- | ---: | --- |\n"));
			buf_printf(b, "| %s | %s | ", q->name, q->what);
			num_people(b, s->unplaced[j]);
			buf_printf(b, " | %s |\n", q->at_most ? "" : _("**short**"));
		} else {
			buf_puts(b, n++ ? "" : _("\nnot placed\n"));
			buf_printf(b, "  %-*s ", pw, q->name);
			num_people(b, s->unplaced[j]);
			buf_printf(b, " %s%s\n", q->what,
				   q->at_most ? "" : _("  (short: every one of them is to be placed)"));
		}
	}
}

static void
count_word(Buf *b, double v, const char *one, const char *many)
{
	Buf t = {0};
	buf_printf(b, plural(v, one, many), count_text(&t, v));
	buf_free(&t);
}

void
moves_changes(Buf *b, const Plan *pl, const PlanCounts *n, const MoveTotals *mt, const char *who)
{
	count_word(b, n->nchanged, "%s change", "%s changes");
	count_word(b, n->nunits_changed, " in %s unit", " in %s units");
	if (pl->whole)
		moves_summary(mt, b);
	moves_rounds(pl, who, b);
}

void
moves_summary(const MoveTotals *t, Buf *b)
{
	buf_puts(b, ": ");
	count_word(b, t->hires, "%s hire", "%s hires");
	buf_puts(b, ", ");
	count_word(b, t->releases, "%s release", "%s releases");
	buf_puts(b, ", ");
	count_word(b, t->moves, "%s move", "%s moves");
	buf_puts(b, ", ");
	count_word(b, t->placed, "%s placed", "%s placed");
}

/* What ties unit k's counts to other units' in the whole plan: its
 * transfer groups (with how many units), and a budget that binds. */
static void
explain_ties(const Plan *pl, int k, int role, Buf *b)
{
	const Program *p = pl->c->p;
	const Solve *s = &pl->solve;
	bool budget = false;
	for (int r = 0; r < p->nroles; r++) {
		int i = plan_pair(pl, k, r), t = prog_transfer_of(p, r);
		if (i < 0 || (role >= 0 && r != role))
			continue;
		budget |= pl->budget[BUDGET_HEADCOUNT].set || s->pair[i].cost != 0;
		if (t < 0 || s->pair[i].group < 0)
			continue;
		int n = 0;
		for (int j = 0; j < s->npairs; j++)
			n += s->pair[j].group == s->pair[i].group;
		buf_printf(b, plural(n, "  tied by the transfer of %s (%s:%d): planned with the %d unit it may move among\n",
				     "  tied by the transfer of %s (%s:%d): planned with the %d units it may move among\n"),
			   p->roles[r].name, p->files[p->transfers[t].file], p->transfers[t].line, n);
	}
	for (int j = 0; budget && pl->budgeted && j < 2; j++) {
		const Budget *g = &pl->budget[j];
		if (!g->set)
			continue;
		buf_printf(b, _("  tied by the %s budget ("), j == BUDGET_COST ? "cost" : "headcount");
		if (g->line)
			buf_printf(b, "%s:%d", p->files[g->file], g->line);
		else
			buf_puts(b, "--budget-cost");
		buf_puts(b, _("): it binds, so every count it sees is planned together\n"));
	}
}

void
moves_explain(const Plan *pl, int k, int role, Buf *b)
{
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	const Solve *s = &pl->solve;
	buf_puts(b, _("\nthe whole plan (pools, transfers and budgets"));
	moves_rounds(pl, "", b);
	buf_puts(b, ")\n");
	bool any = false;
	for (int r = 0; r < p->nroles; r++) {
		int i = plan_pair(pl, k, r);
		if (i < 0 || (role >= 0 && r != role))
			continue;
		const SolvePair *q = &s->pair[i];
		any = true;
		buf_printf(b, "  %s  ", p->roles[r].name);
		num_people(b, units_count(u, r, k));
		buf_puts(b, " -> ");
		num_people(b, counts_get(&pl->proposed, r, k));
		const char *sep = ": ";
		double v[4] = {q->hired, q->released, q->moved_in, q->moved_out};
		static const char *const what[4] = {"hired", "released", "moved in", "moved out"};
		for (int j = 0; j < 4; j++)
			if (v[j] > 0) {
				buf_printf(b, "%s%s ", sep, what[j]);
				num_people(b, v[j]);
				sep = ", ";
			}
		if (q->placed > 0) {
			buf_printf(b, "%splaced ", sep);
			num_people(b, q->placed);
		}
		int t = prog_transfer_of(p, r);
		if (t >= 0 && q->group < 0)
			buf_puts(b, p->transfers[t].within[0] == WITHIN_PARENT && p->transfers[t].nwithin == 1
				 ? " (a root: it moves no one)" : " (no value to move within: it moves no one)");
		buf_putc(b, '\n');
	}
	for (int i = 0; i < s->nmoves; i++) {
		const SolveMove *m = &s->moves[i];
		if ((m->from != k && m->to != k) || (role >= 0 && m->role != role))
			continue;
		Str other = units_id(u, m->from == k ? m->to : m->from);
		buf_printf(b, "  move %s ", p->roles[m->role].name);
		num_people(b, m->count);
		buf_printf(b, " %s %.*s (transfer, %s:%d)\n", m->from == k ? "to" : "from", other.len, other.s,
			   p->files[p->transfers[prog_transfer_of(p, m->role)].file],
			   p->transfers[prog_transfer_of(p, m->role)].line);
	}
	for (int j = 0; j < s->ncand; j++) {
		const SolveCand *a = &s->cand[j];
		if (s->pair[a->pair].unit != k || (role >= 0 && s->pair[a->pair].role != role))
			continue;
		const Pool *q = &p->pools[a->pool];
		buf_printf(b, "  pool %s (%s:%d) may place %s here: ", q->name, p->files[q->file], q->line,
			   p->roles[s->pair[a->pair].role].name);
		if (a->count > 0)
			buf_puts(b, "places "), num_people(b, a->count), buf_putc(b, '\n');
		else
			buf_puts(b, "places none\n");
	}
	if (!any)
		buf_puts(b, "  no pool, transfer or budget touches this unit\n");
	else
		explain_ties(pl, k, role, b);
}

void
moves_html(const Plan *pl, const bool *selected, Buf *b)
{
	if (!pl->whole)
		return;
	const Program *p = pl->c->p;
	const Units *u = pl->c->u;
	const Solve *s = &pl->solve;
	int n = 0;
	for (int i = 0; i < s->nmoves; i++) {
		const SolveMove *m = &s->moves[i];
		if (!unit_shown(selected, m->from) && !unit_shown(selected, m->to))
			continue;
		buf_puts(b, n++ ? "" : _("<h2>Moves</h2>\n<table><thead><tr><th scope=\"col\">role</th><th scope=\"col\">from</th>"
			 "<th scope=\"col\">to</th><th scope=\"col\">people</th></tr></thead><tbody>\n"));
		Str from = units_id(u, m->from), to = units_id(u, m->to);
		buf_printf(b, "<tr><td>%s</td><td>", p->roles[m->role].name);
		html_esc(b, from.s, (size_t)from.len);
		buf_puts(b, "</td><td>");
		html_esc(b, to.s, (size_t)to.len);
		buf_puts(b, "</td><td>");
		num_people(b, m->count);
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, n ? "</tbody></table>\n" : "");
	n = 0;
	for (int j = 0; j < s->ncand; j++) {
		const SolveCand *a = &s->cand[j];
		int k = s->pair[a->pair].unit;
		if (a->count <= 0 || !unit_shown(selected, k))
			continue;
		buf_puts(b, n++ ? "" : _("<h2>Placements</h2>\n<table><thead><tr><th scope=\"col\">pool</th><th scope=\"col\">unit</th>"
			 "<th scope=\"col\">role</th><th scope=\"col\">people</th></tr></thead><tbody>\n"));
		const Pool *q = &p->pools[a->pool];
		buf_puts(b, "<tr><td>");
		html_esc(b, q->name, strlen(q->name));
		if (q->label) {
			buf_puts(b, " (");
			html_esc(b, q->label, strlen(q->label));
			buf_puts(b, ")");
		}
		Str id = units_id(u, k);
		buf_puts(b, "</td><td>");
		html_esc(b, id.s, (size_t)id.len);
		buf_printf(b, "</td><td>%s</td><td>", p->roles[s->pair[a->pair].role].name);
		num_people(b, a->count);
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, n ? "</tbody></table>\n" : "");
	n = 0;
	for (int j = 0; j < p->npools; j++) {
		if (s->unplaced[j] < 0.5)
			continue;
		const Pool *q = &p->pools[j];
		buf_puts(b, n++ ? "" : _("<h2>Not placed</h2>\n<ul>\n"));
		buf_puts(b, "<li>");
		html_esc(b, q->name, strlen(q->name));
		buf_puts(b, ": ");
		num_people(b, s->unplaced[j]);
		buf_printf(b, " %s%s</li>\n", q->what, q->at_most ? "" : " <strong>(short: all were to be placed)</strong>");
	}
	buf_puts(b, n ? "</ul>\n" : "");
}

