/* coplan.c: the session API (coplan.h): what every client of coplan
 * does the same way, done once. */
#include "coplan.h"
#include "explain.h"
#include "lint.h"
#include "plan_moves.h"
#include "roster.h"
#include "table.h"

#include <stdlib.h>
#include <string.h>

int
coplan_rules(Rules *r, const char *path)
{
	int e = rules_compile(r, path);
	if (!e)		/* what can change the answer, said once */
		lint_warnings(r, false);
	else if (looks_like(path, ".csv") || looks_like(path, ".tsv"))
		diag_plain(r->diag, "'%s' was read as the rules file: the rules come first, then the units table",
			   path);
	return e;
}

/* --totals-by's names as the attributes they are: a declared text
 * attribute, or else a column of the units table read as a text (into
 * extra, *nextra of them: after the program's attributes); false after
 * saying which is a declared attribute of another type. */
static bool
by_attrs(const Rules *r, const CoplanData *in, CoplanRun *run, char **extra, int *nextra)
{
	const Program *p = &r->prog;
	bool ok = true;
	run->by_attr = xmalloc((size_t)(in->ntotals_by ? in->ntotals_by : 1) * sizeof *run->by_attr);
	for (int i = 0; i < in->ntotals_by; i++) {
		char *w = in->totals_by[i];
		int a = 0;
		while (a < p->nattrs && strcmp(p->attrs[a].name, w))
			a++;
		if (a < p->nattrs && p->attrs[a].type != T_TEXT) {
			diag_plain(r->diag, "--totals-by %s: the attribute '%s' is a %s; totals go by the values of a "
				   "text (region, area, function)", w, w, p->attrs[a].type == T_NUM ? "number" : "set");
			ok = false;
			continue;
		}
		if (a == p->nattrs) {	/* a column no rule reads; once each */
			int e = 0;
			while (e < *nextra && strcmp(extra[e], w))
				e++;
			if (e == *nextra)
				extra[(*nextra)++] = w;
			a = p->nattrs + e;
		}
		run->by_attr[run->nby_attr++] = a;
	}
	return ok;
}

bool
coplan_load(const Rules *r, const CoplanData *in, CoplanRun *run)
{
	Diag *d = r->diag;
	*run = (CoplanRun){.p = &r->prog, .d = d, .fail_warning = in->fail_warning};
	LoadOptions o = in->load;
	o.roster = in->roster != NULL;
	char **extra = xcalloc((size_t)in->ntotals_by + 1, sizeof *extra);
	bool named = by_attrs(r, in, run, extra, &o.nextra);
	o.extra = extra;
	bool ok = units_load(&run->u, &r->prog, d, in->units, &o) == 0 &&
		(!in->roster || roster_load(&run->u, &r->prog, d, in->roster, &o, in->fte) == 0) &&
		units_select(&run->u, d, in->unit_ids, in->unit_under, in->nunit_ids, &run->selected);
	ok = ok && named;
	free(extra);
	int today = ok && in->waivers ? waivers_today(d) : 0;
	if (ok && in->baseline) {
		run->has_base = true;
		ok = baseline_load(&run->base, d, in->baseline) == 0;
	}
	if (ok && in->waivers) {
		run->has_waivers = true;
		ok = today >= 0 && waivers_load(&run->wv, d, in->waivers, today, in->load.encoding) == 0;
	}
	if (!ok)
		return false;
	for (int k = 0; k < run->u.n; k++)
		run->nselected += !run->selected || run->selected[k];
	check_init(&run->c, &r->prog, &run->u, d);
	run->started = true;
	return true;
}

bool
coplan_check(CoplanRun *run)
{
	if (!check_run(&run->c, run->selected))
		return false;
	if (run->has_base)
		baseline_apply(&run->base, &run->c, run->selected);
	if (run->has_waivers)
		waivers_apply(&run->wv, &run->c, run->selected);
	run->errors = run->warnings = 0;
	for (int i = 0; i < run->c.nf; i++) {
		const Finding *f = &run->c.f[i];
		if (f->waiver || (run->has_base && !base_counts(f->base)))
			continue;
		run->errors += f->v.error;
		run->warnings += !f->v.error;
	}
	return true;
}

ReportInfo
coplan_report_info(const CoplanRun *run, const CoplanData *in)
{
	return (ReportInfo){
		.units = run->nselected,
		.selected = run->selected,
		.by_attr = run->by_attr, .nby_attr = run->nby_attr,
		.fail_warning = in->fail_warning,
		.units_path = in->units,
		.roster_path = in->roster,
		.baseline = run->has_base ? &run->base : NULL,
		.waivers = run->has_waivers ? &run->wv : NULL,
	};
}

bool
coplan_check_fails(const CoplanRun *run)
{
	return run->errors > 0 || (run->fail_warning && (run->warnings > 0 || run->d->warnings > 0));
}

int
coplan_plan(CoplanRun *run, Plan *pl)
{
	pl->by_attr = run->by_attr, pl->nby_attr = run->nby_attr;
	return plan_run(pl, &run->c);
}

bool
coplan_explain(CoplanRun *run, const char *unit, const char *role, double time_limit, Buf *out)
{
	const Program *p = run->p;
	int k = units_find(&run->u, unit, (int)strlen(unit)), r = -1;
	if (role && (r = prog_role(p, role)) < 0) {
		const char *pick = prog_closest_role(p, role);
		diag_plain(run->d, "'%s' is not a declared role%s%s%s", role, pick ? "; did you mean '" : "",
			   pick ? pick : "", pick ? "'?" : "");
	}
	if (k < 0) {
		char hint[256];
		diag_plain(run->d, "no unit has the id '%s'%s", unit, units_hint(&run->u, unit, hint, sizeof hint));
	}
	if (k < 0 || (role && r < 0) || !explain_unit(&run->c, k, r, out))
		return false;
	if (!prog_plans_whole(p))
		return true;
	Plan pl = {.time_limit = time_limit};	/* what pools, moves and budgets do here */
	bool ok = coplan_plan(run, &pl) == 0;
	if (ok)
		moves_explain(&pl, k, r, out);
	plan_free(&pl);
	return ok;
}

bool
coplan_explain_selected(CoplanRun *run, const char *role, double time_limit, Buf *out)
{
	const Program *p = run->p;
	int r = -1;
	if (role && (r = prog_role(p, role)) < 0) {
		const char *pick = prog_closest_role(p, role);
		diag_plain(run->d, "'%s' is not a declared role%s%s%s", role, pick ? "; did you mean '" : "",
			   pick ? pick : "", pick ? "'?" : "");
		return false;
	}
	int *order = units_by_id(&run->u), n = 0;
	for (int i = 0; i < run->u.n; i++)
		if (!run->selected || run->selected[order[i]])
			order[n++] = order[i];
	bool ok = true, whole = prog_plans_whole(p);
	Buf *each = xcalloc((size_t)(n ? n : 1), sizeof *each);
	for (int i = 0; i < n && ok; i++)
		ok = explain_unit(&run->c, order[i], r, &each[i]);
	Plan pl = {.time_limit = time_limit};	/* the whole plan once, for every unit */
	if (ok && whole)
		ok = coplan_plan(run, &pl) == 0;
	for (int i = 0; i < n && ok; i++) {
		buf_puts(out, i ? "\n" : "");
		buf_put(out, each[i].p, each[i].len);
		if (whole)
			moves_explain(&pl, order[i], r, out);
	}
	if (whole)
		plan_free(&pl);
	for (int i = 0; i < n; i++)
		buf_free(&each[i]);
	free(each);
	free(order);
	return ok;
}

bool
coplan_diff(CoplanRun *before, CoplanRun *after, DiffFormat f, Buf *out, int *new_errors)
{
	/* the rules that apply to no unit: said of after only */
	bool *all = xmalloc((size_t)(before->u.n ? before->u.n : 1) * sizeof *all);
	for (int k = 0; k < before->u.n; k++)
		all[k] = true;
	bool ok = check_run(&before->c, all) && check_run(&after->c, NULL);
	free(all);
	if (ok)
		diff_report(&before->c, &after->c, before->selected, after->selected, f, out, new_errors);
	return ok;
}

bool
coplan_diff_select(CoplanRun *before, CoplanRun *after, char *const *ids, const bool *under, int n)
{
	if (!n)
		return true;
	CoplanRun *side[] = {before, after};
	char **mine = xcalloc((size_t)n, sizeof *mine);
	bool *sub = xcalloc((size_t)n, sizeof *sub), ok = true;
	for (int i = 0; i < n; i++)
		if (units_find(&before->u, ids[i], (int)strlen(ids[i])) < 0 &&
		    units_find(&after->u, ids[i], (int)strlen(ids[i])) < 0) {
			char hint[256];
			diag_plain(after->d, "no unit has the id '%s' (given with %s), before or after%s", ids[i],
				   under && under[i] ? "--under" : "--unit", units_hint(&after->u, ids[i], hint, sizeof hint));
			ok = false;
		}
	for (int s = 0; ok && s < 2; s++) {
		int m = 0;	/* the ids this side has */
		for (int i = 0; i < n; i++)
			if (units_find(&side[s]->u, ids[i], (int)strlen(ids[i])) >= 0)
				mine[m] = ids[i], sub[m++] = under && under[i];
		free(side[s]->selected);
		side[s]->selected = NULL;
		if (!m)	/* none on this side: nothing of it shown */
			side[s]->selected = xcalloc((size_t)(side[s]->u.n ? side[s]->u.n : 1), sizeof *side[s]->selected);
		else
			ok = units_select(&side[s]->u, side[s]->d, mine, sub, m, &side[s]->selected);
	}
	free(mine);
	free(sub);
	return ok;
}

void
coplan_run_free(CoplanRun *run)
{
	if (run->started)
		check_free(&run->c);
	baseline_free(&run->base);
	waivers_free(&run->wv);
	free(run->selected);
	free(run->by_attr);
	units_free(&run->u);
	*run = (CoplanRun){0};
}
