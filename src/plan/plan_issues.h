/* plan_issues.h: a plan's results, as every report is written from
 * them: each unit's rows (per role with a requirement: the count, the
 * proposal, what the plan aimed at, the rules that set it), and what
 * the plan leaves unmet: a (unit, role) no count meets (or a blank cell
 * leaves as it is), a pool not all placed, a budget overrun, a must
 * assert the plan's staffing fails.  Working them out runs the rules;
 * writing them does not.  What is unmet is also said on the Diag, at
 * the rule, unless the plan is quiet. */
#ifndef COPLAN_PLAN_ISSUES_H
#define COPLAN_PLAN_ISSUES_H

#include "plan.h"

/* One (unit, role) with a requirement at the fixpoint. */
typedef struct PlanRow {
	int unit, role;
	double current, proposed, min, max;	/* min..max: what the plan aimed at */
	int rule0, nrules;	/* the rules that set it: PlanRows.rules[rule0 ..] */
	bool unresolved;	/* no count meets its must rules: an issue too */
} PlanRow;

/* What the plan leaves unmet at a unit: a row (role >= 0), or a must
 * assert its staffing fails (role -1; the numbers NAN). */
typedef struct PlanIssue {
	int unit, role;
	double current, proposed, min, max;	/* min..max: its must rules' */
	int *rules, nrules;	/* the rules that set it (owned) */
	char *message;		/* owned */
} PlanIssue;

typedef struct PlanRows {
	PlanRow *row;
	int nrow, caprow;
	unsigned char *in_scope;	/* per scope: the unit is in it */
	int *rules;
	int nrules, caprules;
	PlanIssue *issue;
	int nissue, capissue;
} PlanRows;

/* The rules that set row w of r (w->nrules of them). */
static inline const int *
plan_row_rules(const PlanRows *r, const PlanRow *w)
{
	return w->nrules ? r->rules + w->rule0 : NULL;
}

/* Before the first unit's rows: what the plan's checker worked out
 * before is forgotten (the rows are worked out on the plan's counts). */
void plan_rows_start(const Plan *pl);
/* Unit k's rows (roles[0..nr) in that order), evaluated by c (the
 * plan's checker, or a part's), appended to out, and the scopes it is
 * in (out->in_scope); a row no count can meet is an issue too.  False
 * after a runtime error. */
bool plan_unit_rows(const Plan *pl, Check *c, int k, const int *roles, int nr, PlanRows *out);
/* The must asserts that fail on the plan's staffing at the selected
 * units (NULL: all), as issues.  False after a runtime error. */
bool plan_assert_issues(const Plan *pl, const bool *selected, PlanRows *out);
/* The pools not all placed and the budgets overrun (said, and the time
 * limit's gap, unless quiet); how many. */
int plan_whole_issues(const Plan *pl);
/* Whether a time limit left the whole plan unproven (solve.unproven,
 * unsettled); plan_whole_issues says so (not counted: plan exits 1). */
bool plan_unproven(const Plan *pl);
/* Empties r's rows (not its issues): the next unit's go in. */
void plan_rows_clear(PlanRows *r);
void plan_rows_free(PlanRows *r);

#endif
