/* plan_issues.c: a plan's rows and what it leaves unmet, worked out
 * once, for every report (plan_issues.h). */
#include "plan_issues.h"
#include "escape.h"
#include "eval.h"
#include "finding.h"
#include "msg.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void
pool_text(const Program *p, int j, Buf *b)
{
	const Pool *pl = &p->pools[j];
	buf_puts(b, pl->at_most ? _("at most ") : "");
	num_text(b, pl->n);
	buf_printf(b, " %s", pl->what);
}

bool
plan_unproven(const Plan *pl)
{
	return pl->whole && (pl->solve.unproven.level >= 0 || pl->unsettled);
}

/* What the time limit left unproven, for the message. */
static void
unproven_text(const Plan *pl, Buf *b)
{
	const SolveStop *u = &pl->solve.unproven;
	buf_printf(b, _("the plan is not proven optimal"));
	if (u->level >= 0 && isfinite(u->bound))
		buf_printf(b, _(" (gap %.3g %%): minimising %s, its best plan is at %.10g and no plan can be below %.10g"),
			   solve_gap(u->best, u->bound), _(solve_level_name(u->level)), u->best, u->bound);
	else if (u->level >= 0)	/* the relaxation itself ran out of time */
		buf_printf(b, _(" (gap unknown): minimising %s, its best plan is at %.10g and no bound is known"),
			   _(solve_level_name(u->level)), u->best);
	if (pl->unsettled)
		buf_printf(b, _("%s the rounds stopped before the requirements settled (the report checks the plan against them)"),
			   u->level >= 0 ? ";" : ":");
	buf_printf(b, _("; the search stopped at --time-limit %g s (a longer limit may find a better plan)"), pl->time_limit);
}

static void
short_text(const Plan *pl, int r, double current, double proposed, const Req *q, int at, Buf *m)
{
	const Program *p = pl->c->p;
	buf_printf(m, "%s: ", p->roles[r].name);
	num_people(m, current);
	buf_puts(m, _(", planned "));
	num_people(m, proposed);
	buf_puts(m, isfinite(q->must.max) ? _(", needs ") : _(", needs at least "));
	num_people(m, q->must.min);
	if (isfinite(q->must.max) && q->must.max != q->must.min)
		buf_puts(m, ".."), num_people(m, q->must.max);
	const char *what = pl->budget[BUDGET_COST].set && pl->budget[BUDGET_HEADCOUNT].set ? _("budgets") :
		pl->budget[BUDGET_COST].set ? _("cost budget") : _("headcount budget");
	buf_printf(m, " (%s): ", p->rules[at].text);
	if (!plan_unproven(pl))
		buf_printf(m, _("the %s leaves it short"), what);
	else if (pl->budgeted)	/* which of the two, no one can tell */
		buf_printf(m, _("the search stopped at --time-limit short of it (the %s may leave it short too)"), what);
	else
		buf_puts(m, _("the search stopped at --time-limit short of it"));
}

int
plan_whole_issues(const Plan *pl)
{
	if (!pl->whole)
		return 0;
	const Program *p = pl->c->p;
	const Solve *s = &pl->solve;
	int n = 0;
	for (int j = 0; j < p->npools; j++) {
		if (p->pools[j].at_most || s->unplaced[j] < 0.5)
			continue;
		n++;
		if (pl->quiet)
			continue;
		Buf t = {0};
		pool_text(p, j, &t);
		diag_error(pl->c->diag, p->pools[j].loc,
			   "the plan cannot place %g of the people of pool '%s' (%s): no unit it may place into has room or need for them",
			   s->unplaced[j], p->pools[j].name, t.p);
		buf_free(&t);
	}
	static const char *const what[] = {"cost", "headcount"};
	for (int b = 0; b < 2; b++) {
		if (s->over[b] <= 1e-6)
			continue;
		n++;
		if (pl->quiet)
			continue;
		Buf t = {0};
		num_people(&t, round(s->over[b] * 100) / 100);
		Loc at = {pl->budget[b].line, 1, pl->budget[b].line, 1, 0};
		const char *msg = s->unproven.level == 0 ?
			_("the plan overruns the %s budget (%s%s <= %g) by %s: the least the search found before the time limit, not proven the least") :
			_("the plan overruns the %s budget (%s%s <= %g) by %s: no plan within the rules' limits costs less");
		const Budget *g = &pl->budget[b];
		const char *total = g->total ? "total " : "";
		if (g->line)
			diag_error(pl->c->diag, at, msg, what[b], total, what[b], g->stated, t.p);
		else
			diag_plain(pl->c->diag, msg, what[b], total, what[b], g->stated, t.p);
		buf_free(&t);
	}
	if (plan_unproven(pl) && !pl->quiet) {	/* (plan's exit status says it) */
		Buf t = {0};
		unproven_text(pl, &t);
		diag_plain(pl->c->diag, "%s", t.p);
		buf_free(&t);
	}
	return n;
}

static void
add_issue(PlanRows *out, PlanIssue is, const int *rules, int nrules)
{
	vec_grow((void **)&out->issue, out->nissue, &out->capissue, sizeof *out->issue);
	is.rules = xmalloc((size_t)(nrules ? nrules : 1) * sizeof *is.rules);
	if (nrules)
		memcpy(is.rules, rules, (size_t)nrules * sizeof *rules);
	is.nrules = nrules;
	out->issue[out->nissue++] = is;
}

/* Why row w's must rules (q) are not met, said on the Diag at the rule
 * (unless quiet) and kept as an issue. */
static void
row_issue(const Plan *pl, Check *c, const PlanRow *w, const Req *q, PlanRows *out)
{
	const Program *p = c->p;
	Str id = units_id(c->u, w->unit);
	Buf m = {0};
	Verdict v = req_judge(q, w->proposed);
	int at = q->must.min_rule >= 0 ? q->must.min_rule : q->must.max_rule;
	bool miss = check_missing(c, w->role, w->unit);	/* left as it is */
	double step = pl->step > 0 ? pl->step : 1;
	if (miss || (v.status == ST_CONFLICT && v.error)) {
		Finding f = miss ? finding_missing(c, w->unit, w->role)
			: (Finding){id, 0, p->roles[w->role].name, w->unit, w->role, w->current, v, BASE_NONE, 0, -1, 0};
		finding_message(c, &f, &m);
		buf_puts(&m, miss ? _("; the plan leaves it as it is") : "");
		at = f.v.rule;
	} else if (plan_unproven(pl) || (pl->budgeted && plan_pair(pl, w->unit, w->role) >= 0)) {
		short_text(pl, w->role, w->current, w->proposed, q, at, &m);
	} else {
		buf_printf(&m, "%s: ", p->roles[w->role].name);
		num_people(&m, w->current);
		if (step == 1)
			buf_puts(&m, _(", but no whole count meets "));
		else
			buf_puts(&m, _(", but no multiple of ")), num_people(&m, step), buf_puts(&m, _(" meets "));
		num_people(&m, q->must.min);
		buf_puts(&m, "..");
		num_people(&m, q->must.max);
		buf_printf(&m, " (%s)", p->rules[at].text);
	}
	if (!pl->quiet)
		diag_error(c->diag, p->rules[at].loc, "the plan cannot meet every must rule for unit '%.*s': %s",
			   id.len, id.s, buf_cstr(&m));
	PlanIssue is = {.unit = w->unit, .role = w->role, .current = w->current, .proposed = w->proposed,
			.min = q->must.min, .max = q->must.max, .message = xmalloc(m.len + 1)};
	memcpy(is.message, buf_cstr(&m), m.len + 1);
	add_issue(out, is, plan_row_rules(out, w), w->nrules);
	buf_free(&m);
}

void
plan_rows_start(const Plan *pl)
{
	check_forget(pl->c);
}

bool
plan_unit_rows(const Plan *pl, Check *c, int k, const int *roles, int nr, PlanRows *out)
{
	if (!check_unit(c, k))
		return false;
	const Program *p = c->p;
	double step = pl->step > 0 ? pl->step : 1;
	if (!out->in_scope)
		out->in_scope = xcalloc((size_t)p->nscopes + 1, 1);
	for (int s = 0; s < p->nscopes; s++) {
		int in = check_in_scope(c, s, k);
		if (in < 0)
			return false;
		out->in_scope[s] = (unsigned char)in;
	}
	for (int i = 0; i < nr; i++) {
		int r = roles[i];
		const Req *q = &c->req[r];
		if (!q->nrules && q->miss_rule < 0)
			continue;
		bool miss = check_missing(c, r, k);	/* left as it is */
		bool unresolved = miss && finding_missing(c, k, r).v.error;
		Span aim = {0, INFINITY, -1, -1};
		double proposed = counts_get(&pl->proposed, r, k);
		if (!miss)
			plan_propose(proposed, q, step, &unresolved, &aim);
		if (pl->whole && plan_pair(pl, k, r) >= 0) {
			/* what the whole plan left short, a budget say */
			Verdict v = req_judge(q, proposed);
			unresolved = !v.ok && v.error;
		}
		PlanRow w = {.unit = k, .role = r, .current = units_count(c->u, r, k), .proposed = proposed,
			     .min = aim.min, .max = aim.max, .rule0 = out->nrules, .unresolved = unresolved};
		for (int j = 0; j < c->nyield; j++)	/* the rules that set it */
			if (p->rules[c->yield[j]].role == r) {
				vec_grow((void **)&out->rules, out->nrules, &out->caprules, sizeof *out->rules);
				out->rules[out->nrules++] = c->yield[j];
				w.nrules++;
			}
		vec_grow((void **)&out->row, out->nrow, &out->caprow, sizeof *out->row);
		out->row[out->nrow++] = w;
		if (unresolved)
			row_issue(pl, c, &w, q, out);
	}
	return true;
}

bool
plan_assert_issues(const Plan *pl, const bool *selected, PlanRows *out)
{
	Check *c = pl->c;
	const Program *p = c->p;
	for (int r = 0; r < p->nrules; r++) {
		const Rule *u = &p->rules[r];
		if (u->form != R_ASSERT || u->should)
			continue;
		for (int k = 0; k < c->u->n; k++) {
			double lo, hi;
			if (selected && !selected[k])
				continue;
			Applied a = check_rule(c, r, k, &lo, &hi);
			if (a == AP_ERROR)
				return false;
			if (!(a == AP_MISSING || (a == AP_YIELD && !lo)))
				continue;
			Str id = units_id(c->u, k);
			Buf m = {0};	/* failed, or a blank cell read */
			Finding f = {id, 0, "", k, -1, NAN, {false, a == AP_MISSING ? ST_MISSING : ST_FAILED, true, NAN, NAN,
								     r, -1, -1, 0, 0}, BASE_NONE, 0, c->ev->miss_unit, c->ev->miss_col};
			finding_message(c, &f, &m);
			if (!pl->quiet)
				diag_error(c->diag, u->loc, "the plan cannot meet rule %s%s%s for unit '%.*s': %s "
					   "(a check on the data: a plan changes no attribute)", u->id ? "'" : "",
					   u->id ? u->id : "of this line", u->id ? "'" : "", id.len, id.s, buf_cstr(&m));
			PlanIssue is = {.unit = k, .role = -1, .current = NAN, .proposed = NAN, .min = NAN, .max = NAN,
					.message = xmalloc(m.len + 1)};
			memcpy(is.message, buf_cstr(&m), m.len + 1);
			add_issue(out, is, &r, 1);
			buf_free(&m);
		}
	}
	return true;
}

void
plan_rows_clear(PlanRows *r)
{
	r->nrow = r->nrules = 0;
}

void
plan_rows_free(PlanRows *r)
{
	for (int i = 0; i < r->nissue; i++) {
		free(r->issue[i].rules);
		free(r->issue[i].message);
	}
	free(r->issue);
	free(r->in_scope);
	free(r->row);
	free(r->rules);
	*r = (PlanRows){0};
}
